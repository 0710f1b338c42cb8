/** A page for the glimpse's content filter: the article, and around it what is not content. */
export const ARTICLE = [
  'Hay fever is an allergic reaction to pollen, typically when it comes into contact with your mouth, nose, eyes and throat.',
  'You cannot cure hay fever and you cannot prevent it, but you can do things to ease your symptoms when the pollen count is high.',
  'See a <a href="/gp">GP</a> if your symptoms are getting worse or do not improve after taking medicines from the pharmacy.',
];

const MENU = Array.from({ length: 20 }, (_, i) => `<li><a href="/c/${i}">Condition ${i}</a></li>`);
/**
 * A health site's page as issue 10 describes it: skip links, a 20-item menu, a cookie banner, a
 * footer; `main` says whether the article is in a `<main>` or a plain `<div>`.
 */
export const healthPage = (main: boolean) => `<!doctype html><html><body>
  <div id="a11y-links" class="skip-links">
    <h2>Accessibility links</h2>
    <ul><li><a href="#maincontent">Skip to content</a></li><li><a href="/accessibility">Accessibility Help</a></li></ul>
  </div>
  <div id="cookie-banner"><p>We use cookies to make this site work and to collect analytics.</p>
    <ul><li><a href="#accept">Accept cookies</a></li></ul></div>
  <div class="site-header"><p><a href="/">Health A to Z</a></p>
    <ul class="conditions">${MENU.join('')}</ul></div>
  <${main ? 'main' : 'div'} id="maincontent">
    <h1>Hay fever</h1>
    ${ARTICLE.map((p) => `<p>${p}</p>`).join('\n')}
  </${main ? 'main' : 'div'}>
  <footer><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul>
    <p>© Crown copyright</p></footer>
</body></html>`;

/** The blocks of `healthPage` a glimpse keeps: its heading and paragraphs. */
export const articleText = ['Hay fever', ...ARTICLE.map((p) => p.replace(/<[^>]+>/g, ''))];
