/**
 * The authors of the corpus pages (../shared/corpus/readability-pages), by hand from the byline in
 * each page's expected-metadata.json (what Firefox Reader View shows). Pages with no byline have no
 * authors here. The byline is written as a person would write the names; the edits, each one for
 * the reason given, are:
 * - "By "/"Par " prefixes, dates, counts and times glued on or on the next line, and letters after
 *   a name dropped (breitbart, liberation-1, wapo-2, webmd-1, yahoo-3);
 * - a byline that names several people split (schema-org-context-object, videos-2);
 * - a URL or handle in brackets dropped (ebb-org, pixnet), middle names in brackets kept (folha);
 * - a byline that names no one removed: "Last Updated: January 7, 2025" (spiceworks) and "個人"
 *   ("individual", a section label, yahoo-4);
 * - youth's byline "青网校园崔宁宁" is the site (青网校园, Youth Net Campus) glued to the editor's name:
 *   the author is 崔宁宁 (the page's own footer: "责任编辑：崔宁宁").
 * Names are compared by entityKey, so case and accents do not matter here.
 */
export const CORPUS_AUTHORS: Readonly<Record<string, readonly string[]>> = {
  '001': ['Nicolas Perriault'],
  '002': ['Nikhil Marathe'],
  '003-metadata-preferred': ['Dublin Core property author'],
  '004-metadata-space-separated-properties': ['Creator Name'],
  aktualne: ['Aleš Vávra'],
  'archive-of-our-own': ['Organization for Transformative Works'],
  'article-author-tag': ['Laura June Topolsky'],
  breitbart: ['Lucas Nolan'],
  'bug-1255978': ['Hazel Sheffield'],
  cnet: ['Steven Musil'],
  'cnet-svg-classes': ['César Salza'],
  'ebb-org': ['Bradley M. Kuhn'],
  'ehow-1': ['Lucy Akins'],
  'ehow-2': ['Gina Roberts-Grey'],
  folha: ['Bruno (Henrique Zecchin) Rodrigues'],
  'herald-sun-1': ['Joe Hildebrand'],
  'keep-images': ['Joseph Cox'],
  'lazy-image-2': ['Mama Robotnik'],
  'liberation-1': ['Sébastien Farcis'],
  'lifehacker-post-comment-load': ['Patrick Allan'],
  'lifehacker-working': ['Patrick Allan'],
  'medium-1': ['Pippin Lee'],
  'medium-2': ['Courtney Kirchoff'],
  'medium-3': ['John C. Welch'],
  'metadata-content-missing': ['Creator Name'],
  'missing-paragraphs': ['Henri Sivonen'],
  msn: ['Alex Perry'],
  'nytimes-3': ['Corey Kilgannon'],
  'nytimes-4': ['Nelson D. Schwartz'],
  'nytimes-5': ['Tariq Panja'],
  'parsely-metadata': ['Jane Doe'],
  pixnet: ['史蒂文的家_藍天'],
  'schema-org-context-object': ['Stella Kim', 'Jennifer Jett'],
  'toc-missing': ['Haki Benita'],
  'videos-1': ['Alissa Wilkinson'],
  'videos-2': ['Alexandre Hervaud', 'Jérémy Piette'],
  'wapo-2': ['Steven Mufson'],
  'webmd-1': ['Brenda Goodman'],
  wikia: ['James Akinaka'],
  'wikipedia-3': ['Contributors to Wikimedia projects'],
  'wikipedia-4': ['Contributors to Wikimedia projects'],
  'yahoo-1': ['Ben Silverman'],
  'yahoo-3': ['Gillian Mohney'],
  youth: ['崔宁宁'],
};

/**
 * Pages whose Reader View byline names someone else than the page's author, corrected from the
 * page itself. Scored apart, so both figures are shown.
 * - herald-sun-1: the byline "JOE HILDEBRAND" is a teaser for another story; the article is Laurie
 *   Oakes's column (meta article:author, the author cite, and its last line "LAURIE OAKES IS THE
 *   NINE NETWORK POLITICAL EDITOR").
 */
export const CORRECTED_AUTHORS: Readonly<Record<string, readonly string[]>> = {
  'herald-sun-1': ['Laurie Oakes'],
};
