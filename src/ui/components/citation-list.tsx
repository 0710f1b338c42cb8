/** The sources under an answer: number, title, site, when saved, and the quoted passage. */
import type { Citation } from '../../shared/db';
import { clampText } from './clamp-text';
import { openCitationQuietly } from './open-citation';
import { formatRelativeTime } from '../../core/time/relative-time';
import { citationUrl } from './safe-url';

const QUOTE_CHARS = 280;

interface Props {
  citations: readonly Citation[];
  now: number;
}

export function CitationList({ citations, now }: Props) {
  return (
    <section class="citations" aria-label="Sources">
      <ol>
        {citations.map((citation) => (
          <li key={citation.n}>
            <CitationItem citation={citation} now={now} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function CitationItem({ citation, now }: { citation: Citation; now: number }) {
  const url = citationUrl(citation);
  const savedAt = new Date(citation.savedAt);
  const saved = Number.isNaN(savedAt.getTime())
    ? ''
    : formatRelativeTime(citation.savedAt, now, navigator.languages);
  // The link shows on hover and opens only on click; nothing is fetched for a preview.
  return (
    <button
      type="button"
      class="citation"
      data-testid="citation"
      data-source-id={citation.sourceId}
      data-n={citation.n}
      disabled={!url}
      title={url ?? 'This source has no web address that can be opened'}
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
            <time dateTime={savedAt.toISOString()} title={savedAt.toLocaleString()}>
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
