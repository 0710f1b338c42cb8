/**
 * The chat, shared by the toolbar popup and the side panel. A pure view of IndexedDB: asking
 * sends one message to the background, and everything shown comes back through live queries.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import './chat.css';
import { activeTabId } from './active-tab';
import { Composer } from './composer';
import { ConfirmDelete } from './confirm-delete';
import { ConversationList } from './conversation-list';
import { Controls } from './controls';
import { DiskFullNotice } from './disk-full-notice';
import { loadConversation, type Selection } from './conversation-query';
import { GlimpseReview } from './glimpse-review';
import { Header } from './header';
import { MessageList } from './message-list';
import { useLiveQuery } from './use-live-query';
import { useNow } from './use-now';

export type Layout = 'popup' | 'panel';

/** `initial`: the conversation to show first (the library opens one that cited a source). */
export function Chat({ layout, initial }: { layout: Layout; initial?: Selection }) {
  const [selection, setSelection] = useState<Selection>(initial ?? { kind: 'latest' });
  // What the user chose last, even before it is rendered: "New chat" then a quick question must go
  // to a new conversation, not to the one still on screen.
  const chosen = useRef<Selection>(selection);
  const choose = (next: Selection) => {
    chosen.current = next;
    setSelection(next);
  };
  const [engineError, setEngineError] = useState<string>();
  const [focusKey, setFocusKey] = useState(0);
  const [listOpen, setListOpen] = useState(false);
  const listButton = useRef<HTMLElement | null>(null);
  const view = useLiveQuery(() => loadConversation(selection), [selection]);
  const now = useNow(30_000);

  // Warm the engine while the user types; the chat works without it, so a failure is only noted.
  useEffect(() => {
    send('engine/ensure', {}).catch((error: unknown) => setEngineError(errorMessage(error)));
  }, []);

  const conversationId =
    selection.kind === 'id'
      ? selection.id
      : selection.kind === 'latest'
        ? view.value?.conversation?.id
        : undefined;

  const ask = async (question: string) => {
    const current = chosen.current;
    // Asked before the latest conversation was read (a fresh popup, a busy database): read it now,
    // so that the question continues it instead of starting a new one.
    const id =
      current.kind === 'id'
        ? current.id
        : current.kind === 'latest'
          ? (view.value?.conversation?.id ?? (await loadConversation(current)).conversation?.id)
          : undefined;
    // The page open beside the composer: a note typed now keeps it (issue 15).
    const tabId = await activeTabId();
    const reply = await send('chat/ask', {
      question,
      ...(id === undefined ? {} : { conversationId: id }),
      ...(tabId === undefined ? {} : { tabId }),
    });
    choose({ kind: 'id', id: reply.conversationId });
  };

  const newChat = () => {
    choose({ kind: 'new' });
    setFocusKey((k) => k + 1);
  };
  const openList = () => {
    listButton.current = document.activeElement as HTMLElement | null;
    setListOpen(true);
  };
  // Back to the chat: the focus returns to what opened the list (the header's button).
  const closeList = () => {
    setListOpen(false);
    setTimeout(() => listButton.current?.focus(), 0);
  };

  return (
    <div class={`chat chat--${layout}`}>
      <Header
        onNewChat={newChat}
        onConversations={() => (listOpen ? closeList() : openList())}
        conversationsOpen={listOpen}
        engineError={engineError}
      />
      <Controls layout={layout} />
      <DiskFullNotice />
      <GlimpseReview />
      <MessageList key={conversationId ?? 'new'} messages={view.value?.messages} now={now} />
      {conversationId !== undefined && (view.value?.messages.length ?? 0) > 0 && (
        <div class="chat-actions">
          <ConfirmDelete
            key={conversationId}
            label={t('chatDeleteConversation')}
            question={t('chatDeleteConversationConfirm')}
            testId="delete-conversation"
            onDelete={async () => {
              await send('conversations/delete', { conversationId });
              newChat();
            }}
          />
        </div>
      )}
      {view.error && (
        <p class="engine-error" role="alert">
          {t('popupMemoryReadError', view.error)}
        </p>
      )}
      <Composer onAsk={ask} focusKey={focusKey} />
      {listOpen && (
        <ConversationList
          currentId={conversationId}
          now={now}
          onOpen={(id) => {
            choose({ kind: 'id', id });
            setListOpen(false);
            setFocusKey((k) => k + 1);
          }}
          onDeleted={(id) => {
            if (id === conversationId) choose({ kind: 'new' });
          }}
          onClose={closeList}
        />
      )}
    </div>
  );
}
