/**
 * The sources under an answer: number, title, site, when saved, and the quoted passage; the
 * words around them in the question's language. A forgotten source keeps only its number. Under
 * a source, the people and things it names that the answer is about, each opening its entity page
 * (issue 14): beside the citation's button, not inside it, so each is its own stop for the keyboard.
 */
import type { Citation, CitedEntity } from '../../shared/db';
import { tIn, type TextLanguage } from '../../shared/i18n-in';
import { clampText } from './clamp-text';
import { openCitationQuietly } from './open-citation';
import { citationUrl } from './safe-url';
import { dateLocale, timeAgo } from './time-ago';
import { entityPageUrl } from '../graph/entity-route';

const QUOTE_CHARS = 280;
/** Entity links under one citation: a hint of who and what, not a list of tags. */
const ENTITY_LINKS = 3;

interface Props {
  citations: readonly Citation[];
  language: TextLanguage;
  now: number;
}

export function CitationList({ citations, language, now }: Props) {
  return (
    <section class="citations" aria-label={tIn(language, 'popupSources')}>
      <ol>
        {citations.map((citation) => (
          <li key={citation.n}>
            <CitationItem citation={citation} language={language} now={now} />
            {!citation.forgotten && citation.entities && (
              <CitationEntities entities={citation.entities} language={language} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A forgotten source (issue 12): its number, in plain words, and nothing to open. */
function ForgottenCitation({ citation, language }: { citation: Citation; language: TextLanguage }) {
  return (
    <div
      class="citation citation--forgotten"
      data-testid="citation"
      data-forgotten="true"
      data-n={citation.n}
      title={tIn(language, 'popupForgottenSourceHint')}
    >
      <span class="citation-n" aria-hidden="true">
        {citation.n}
      </span>
      <span class="citation-body">
        <span class="citation-title" data-testid="citation-title">
          {tIn(language, 'popupForgottenSource')}
        </span>
      </span>
    </div>
  );
}

function CitationItem({
  citation,
  language,
  now,
}: { citation: Citation } & Omit<Props, 'citations'>) {
  if (citation.forgotten) return <ForgottenCitation citation={citation} language={language} />;
  const url = citationUrl(citation);
  const savedAt = new Date(citation.savedAt);
  const saved = Number.isNaN(savedAt.getTime()) ? '' : timeAgo(citation.savedAt, now, language);
  // The link shows on hover and opens only on click; nothing is fetched for a preview.
  return (
    <button
      type="button"
      class="citation"
      data-testid="citation"
      data-source-id={citation.sourceId}
      data-n={citation.n}
      disabled={!url}
      title={url ?? tIn(language, 'popupSourceNoAddress')}
      onClick={() => openCitationQuietly(citation)}
    >
      <span class="citation-n" aria-hidden="true">
        {citation.n}
      </span>
      <span class="citation-body">
        <span class="citation-title" data-testid="citation-title" dir="auto">
          {citation.title || citation.url}
        </span>
        <span class="citation-meta">
          {citation.site}
          {citation.site && saved ? ' · ' : ''}
          {saved && (
            <time
              dateTime={savedAt.toISOString()}
              title={savedAt.toLocaleString(dateLocale(language))}
            >
              {saved}
            </time>
          )}
        </span>
        {citation.quote && (
          <span class="citation-quote" dir="auto">
            {clampText(citation.quote, QUOTE_CHARS)}
          </span>
        )}
      </span>
    </button>
  );
}

/** Small links to the entity pages (graph.html#/entity/…), opened in a tab of their own. */
function CitationEntities({
  entities,
  language,
}: {
  entities: readonly CitedEntity[];
  language: TextLanguage;
}) {
  const shown = entities.slice(0, ENTITY_LINKS);
  if (shown.length === 0) return null;
  return (
    <p class="citation-entities" data-testid="citation-entities">
      {shown.map((entity) => (
        <a
          key={entity.id}
          class="citation-entity"
          data-testid="citation-entity"
          data-entity-id={entity.id}
          href={`/${entityPageUrl(entity.id)}`}
          target="_blank"
          rel="noopener"
          title={tIn(language, 'popupCitationEntity', entity.name)}
          dir="auto"
        >
          {entity.name}
        </a>
      ))}
    </p>
  );
}
