/**
 * The conversation, kept scrolled to the newest words unless the reader has scrolled up; a new
 * question brings the view back down to it and its answer, wherever the reader was (issue 10).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { MessageRow } from '../../shared/db';
import { t } from '../../shared/i18n';
import { answerLanguage } from './answer-language';
import { EmptyChat } from './empty-memory';
import { Message } from './message';

/** Within this many pixels of the bottom counts as "at the bottom". */
const STICK_PX = 48;

interface Props {
  /** Undefined while the first read is in flight: show nothing rather than flash the intro. */
  messages: readonly MessageRow[] | undefined;
  now: number;
}

export function MessageList({ messages, now }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const lastQuestion = useRef<string | undefined>(undefined);

  useLayoutEffect(() => {
    const el = scroller.current;
    const question = messages?.findLast((m) => m.role === 'user')?.id;
    if (question !== lastQuestion.current) {
      lastQuestion.current = question;
      stick.current = true;
    }
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages]);

  const onScroll = () => {
    const el = scroller.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };

  return (
    <div class="messages" ref={scroller} onScroll={onScroll}>
      {messages === undefined ? null : messages.length === 0 ? (
        <div class="empty" data-testid="empty">
          <EmptyChat />
        </div>
      ) : (
        <ol class="message-list" aria-label={t('popupConversation')}>
          {messages.map((message) => (
            <Message
              key={message.id}
              message={message}
              language={answerLanguage(message, messages)}
              now={now}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
