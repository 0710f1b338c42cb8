/**
 * A source's own page in the library (`#/item/<id>`): its kept text with the read parts marked,
 * where it came from (opened at the passage with a text fragment), its notes, what links to it and
 * what it links to, the conversations that cited it; rename, note, retry, forget.
 */
import { useState } from 'preact/hooks';
import { passageOf } from '../../core/library/passage';
import { textFragmentUrl } from '../../core/text/text-fragment';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import {
  conversationsCiting,
  linksAround,
  stateOf,
  type LinkedSource,
} from '../../shared/store/library-reads';
import { getSource } from '../../shared/store/source-reads';
import { openCitationQuietly } from '../components/open-citation';
import { safeHttpUrl } from '../components/safe-url';
import { useLiveQuery } from '../components/use-live-query';
import { ConfirmDialog } from './confirm-dialog';
import { forgetIds } from './forget-ids';
import { failureWords, kindLabel, savedDateTime, seenLine, stateWord } from './library-words';
import { MarkedText } from './marked-text';
import { NoteForm } from './note-form';
import { SourceEntities } from './source-entities';
import { TitleEditor } from './title-editor';
import { backToList, itemHash } from './use-hash-route';
import { FieldError } from './field-error';

/** The chat (side panel page) showing one conversation. */
const conversationHref = (id: string) =>
  `${chrome.runtime.getURL('sidepanel.html')}#conversation=${encodeURIComponent(id)}`;

export function ItemPage({ id }: { id: string }) {
  const source = useLiveQuery(async () => (await getSource(db(), id)) ?? null, [id]);
  const links = useLiveQuery(() => linksAround(db(), id), [id]).value;
  const conversations = useLiveQuery(() => conversationsCiting(db(), id), [id]).value;
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();

  const row = source.value;
  if (!row) {
    return (
      <main class="lib-item">
        <BackButton />
        {row === null && <p data-testid="item-missing">{t('libraryItemGone')}</p>}
      </main>
    );
  }
  const state = stateOf(row);
  const failure = state === 'failed' ? failureWords(row) : undefined;
  const url = safeHttpUrl(row.url);
  const notes = links?.from.filter((l) => l.kind === 'note') ?? [];
  const seen = seenLine(row, true);
  const retry = () =>
    void send('source/retry', { sourceId: id }).catch((e: unknown) => setError(errorMessage(e)));
  const forget = async () => {
    try {
      await forgetIds([id]);
      setAsking(false);
      backToList();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <main class="lib-item" data-testid="item-page" data-id={id}>
      <BackButton />
      <TitleEditor id={id} title={row.title} />
      <dl class="lib-facts">
        <dt>{t('libraryFactKind')}</dt>
        <dd>{kindLabel(row)}</dd>
        {row.site && (
          <>
            <dt>{t('libraryFactSite')}</dt>
            <dd>{row.site}</dd>
          </>
        )}
        <dt>{t('libraryFactSaved')}</dt>
        <dd>{savedDateTime(row.savedAt)}</dd>
        {seen && (
          <>
            <dt>{t('libraryFactSeen')}</dt>
            <dd>{seen}</dd>
          </>
        )}
        <dt>{t('libraryFactState')}</dt>
        <dd>
          <span class={`state state--${state}`} data-testid="item-state">
            {stateWord(state)}
          </span>
        </dd>
      </dl>
      {failure && (
        <div class="lib-item-failure">
          <p class="lib-error-reason" data-testid="item-error">
            {failure.long}
          </p>
          {failure.detail && (
            <p class="muted lib-error-detail" data-testid="item-error-detail">
              {failure.detail}
            </p>
          )}
        </div>
      )}
      <div class="lib-item-actions">
        {url && (
          <button
            type="button"
            class="primary"
            data-testid="open-original"
            title={url}
            onClick={() => openCitationQuietly({ url, href: textFragmentUrl(url, passageOf(row)) })}
          >
            {t('libraryOpenOriginal')}
          </button>
        )}
        {state === 'failed' && (
          <button type="button" data-testid="item-retry" onClick={retry}>
            {t('libraryRetry')}
          </button>
        )}
        <button
          type="button"
          class="danger"
          data-testid="item-delete"
          onClick={() => setAsking(true)}
        >
          {t('libraryDeleteOne')}
        </button>
      </div>
      {url && (
        <p class="lib-url muted" data-testid="item-url">
          {url}
        </p>
      )}
      <FieldError error={error} />
      <section aria-labelledby="text-heading">
        <h2 id="text-heading">{t('libraryKeptText')}</h2>
        {row.read && row.read.length > 0 && <p class="note">{t('libraryReadExplain')}</p>}
        <MarkedText text={row.text} read={row.read} />
      </section>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('libraryNotes')}</h2>
        <ul class="lib-notes" data-testid="item-notes">
          {notes.map((note) => (
            <li key={note.source.id}>
              <a href={itemHash(note.source.id)}>{note.text ?? note.source.title}</a>
            </li>
          ))}
        </ul>
        <NoteForm sourceId={id} />
      </section>
      <SourceEntities sourceId={id} />
      <LinkList
        heading={t('libraryLinksTo')}
        testId="links-to"
        items={links?.to.filter((l) => l.kind !== 'note') ?? []}
      />
      <LinkList
        heading={t('libraryLinkedFrom')}
        testId="linked-from"
        items={links?.from.filter((l) => l.kind !== 'note') ?? []}
      />
      <section aria-labelledby="cited-heading">
        <h2 id="cited-heading">{t('libraryCitedIn')}</h2>
        {conversations && conversations.length > 0 ? (
          <ul data-testid="cited-in">
            {conversations.map((c) => (
              <li key={c.id}>
                {/* The chat's panel page in a tab: the side panel itself opens only from a
                    gesture on the browser's own controls (sidePanel.open needs a window and
                    cannot be told which conversation to show), and a tab can be kept open
                    beside the library. */}
                <a
                  href={conversationHref(c.id)}
                  target="_blank"
                  rel="noopener"
                  data-testid="cited-conversation"
                >
                  {c.title || t('libraryUntitledConversation')}
                </a>{' '}
                <span class="muted">{savedDateTime(c.updatedAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('libraryNeverCited')}</p>
        )}
      </section>
      {asking && (
        <ConfirmDialog
          title={t('libraryDeleteTitleOne')}
          confirmLabel={t('libraryDeleteConfirm')}
          error={error}
          onCancel={() => setAsking(false)}
          onConfirm={() => void forget()}
        >
          <p>{t('libraryForgetExplain')}</p>
        </ConfirmDialog>
      )}
    </main>
  );
}

function BackButton() {
  return (
    <button type="button" class="lib-back" data-testid="back-to-list" onClick={backToList}>
      {t('libraryBack')}
    </button>
  );
}

function LinkList({
  heading,
  items,
  testId,
}: {
  heading: string;
  items: LinkedSource[];
  testId: string;
}) {
  return (
    <section>
      <h2>{heading}</h2>
      {items.length > 0 ? (
        <ul data-testid={testId}>
          {items.map(({ source }) => (
            <li key={source.id}>
              <a href={itemHash(source.id)}>{source.title}</a>{' '}
              <span class="muted">
                {kindLabel(source)}
                {source.site ? ` · ${source.site}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('libraryNoLinks')}</p>
      )}
    </section>
  );
}
