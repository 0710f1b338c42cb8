/**
 * The side panel's "Seen before" note (issue 14): above the chat, what Engram kept about the page
 * in front — when it was saved, and which pages the user read mention the people, organisations,
 * places or events its title names — each with a link to its page in the library. The service
 * worker decides (`seen/tab`: the setting, the capture policy, the pause); the note asks again
 * whenever the window's active tab changes or finishes loading. Nothing shows when there is
 * nothing to say, and "Hide" puts it away until another page is in front.
 */
import { useEffect, useState } from 'preact/hooks';
import type { KeptSource } from '../../core/seen/seen-notice';
import { t } from '../../shared/i18n';
import { send } from '../../shared/messaging';
import type { ResponseOf } from '../../shared/protocol';
import { timeAgo, uiTextLanguage } from '../../shared/time-ago';
import { openLibraryItem } from './open-library';
import './seen-note.css';

type Notice = NonNullable<ResponseOf<'seen/tab'>>;

/** The active tab's notice, asked again as tabs change; the latest question's answer wins. */
function useActiveTabNotice(): { notice: Notice | null; page: string } {
  const [state, setState] = useState<{ notice: Notice | null; page: string }>({
    notice: null,
    page: '',
  });
  useEffect(() => {
    let asked = 0;
    const refresh = async () => {
      const question = ++asked;
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      const notice =
        tab?.id === undefined ? null : await send('seen/tab', { tabId: tab.id }).catch(() => null);
      if (question === asked) setState({ notice, page: `${tab?.id ?? ''} ${tab?.url ?? ''}` });
    };
    const onActivated = () => void refresh();
    const onUpdated = (_id: number, change: chrome.tabs.OnUpdatedInfo, tab: chrome.tabs.Tab) => {
      if (tab.active && (change.status === 'complete' || change.url !== undefined)) void refresh();
    };
    chrome.tabs.onActivated.addListener(onActivated);
    chrome.tabs.onUpdated.addListener(onUpdated);
    void refresh();
    return () => {
      asked = Infinity;
      chrome.tabs.onActivated.removeListener(onActivated);
      chrome.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return state;
}

/** A link to a source's page in the library (opened in the library's tab, or a new one). */
function LibraryLink({ id, testId, children }: { id: string; testId: string; children: string }) {
  return (
    <a
      href={`library.html#/item/${encodeURIComponent(id)}`}
      data-testid={testId}
      onClick={(event) => {
        event.preventDefault();
        void openLibraryItem(id);
      }}
    >
      {children}
    </a>
  );
}

function SourceItem({ source, now }: { source: KeptSource; now: number }) {
  return (
    <li>
      <LibraryLink id={source.id} testId="seen-source">
        {source.title || t('seenOpenKept')}
      </LibraryLink>{' '}
      <span class="seen-when">{timeAgo(source.savedAt, now, uiTextLanguage())}</span>
    </li>
  );
}

export function SeenNote() {
  const { notice, page } = useActiveTabNotice();
  const [hiddenFor, setHiddenFor] = useState<string>();
  if (!notice || hiddenFor === page) return null;
  const now = Date.now();
  const lang = uiTextLanguage();
  const newest = notice.kept[0];
  return (
    <aside class="seen-note" aria-labelledby="seen-heading" data-testid="seen-note">
      <div class="seen-head">
        <h2 id="seen-heading">{t('seenHeading')}</h2>
        <button type="button" class="seen-hide" onClick={() => setHiddenFor(page)}>
          {t('seenHide')}
        </button>
      </div>
      {newest && (
        <p class="seen-line" data-testid="seen-saved">
          {t('seenSaved', timeAgo(newest.savedAt, now, lang))}{' '}
          <LibraryLink id={newest.id} testId="seen-open-kept">
            {t('seenOpenKept')}
          </LibraryLink>
        </p>
      )}
      {notice.entities.map((entity) => (
        <div class="seen-entity" key={entity.id} data-testid="seen-entity">
          <p class="seen-line">
            {entity.count === 1
              ? t('seenEntityOne', entity.name)
              : t('seenEntityMany', entity.count, entity.name)}
          </p>
          <ul class="seen-sources">
            {entity.sources.map((source) => (
              <SourceItem key={source.id} source={source} now={now} />
            ))}
          </ul>
        </div>
      ))}
    </aside>
  );
}
