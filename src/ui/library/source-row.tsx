/** One source in the list: checkbox, title, where from, what kind, when, and its state. */
import { t } from '../../shared/i18n';
import { stateOf, type SourceSummary } from '../../shared/store/library-reads';
import {
  failureWords,
  kindLabel,
  savedDateTime,
  savedTime,
  seenLine,
  stateWord,
} from './library-words';

interface Props {
  source: SourceSummary | undefined;
  active: boolean;
  selected: boolean;
  /** Show the date too (search results are not under day headings). */
  withDate: boolean;
  onToggle: (shift: boolean) => void;
  onOpen: () => void;
  onRetry: () => void;
}

export function SourceRowView({
  source,
  active,
  selected,
  withDate,
  onToggle,
  onOpen,
  onRetry,
}: Props) {
  if (!source) return <div class="lib-row is-loading" aria-hidden="true" />;
  const state = stateOf(source);
  const failure = state === 'failed' ? failureWords(source) : undefined;
  const seen = seenLine(source);
  return (
    <div
      class={`lib-row${active ? ' is-active' : ''}${selected ? ' is-selected' : ''}`}
      id={`row-${source.id}`}
      role="option"
      aria-selected={selected}
      data-testid="library-row"
      data-id={source.id}
      data-state={state}
    >
      <input
        type="checkbox"
        class="lib-check"
        tabIndex={-1}
        checked={selected}
        aria-label={t('librarySelectItem', source.title)}
        onClick={(event) => {
          event.preventDefault();
          onToggle(event.shiftKey);
        }}
      />
      <div class="lib-main">
        <button type="button" class="lib-title" tabIndex={-1} onClick={onOpen} title={source.title}>
          {source.title}
        </button>
        <div class="lib-meta">
          <span class="lib-kind">{kindLabel(source)}</span>
          {source.site && <span class="lib-site">{source.site}</span>}
          <span title={savedDateTime(source.savedAt)}>
            {withDate ? savedDateTime(source.savedAt) : savedTime(source.savedAt)}
          </span>
          {seen && <span class="lib-seen">{seen}</span>}
        </div>
      </div>
      <div class="lib-state">
        <span class={`state state--${state}`} data-testid="row-state">
          {stateWord(state)}
        </span>
        {failure && (
          <>
            <span
              class="lib-error"
              data-testid="row-error"
              title={[failure.long, failure.detail].filter(Boolean).join('\n')}
            >
              {failure.short}
            </span>
            <button
              type="button"
              class="lib-retry"
              data-testid="retry"
              tabIndex={active ? 0 : -1}
              onClick={onRetry}
            >
              {t('libraryRetry')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
