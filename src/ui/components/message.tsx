/** One message of the conversation. The data-* attributes are hooks for the end-to-end tests. */
import type { MessageRow } from '../../shared/db';
import { AnswerText } from './answer-text';
import { CitationList } from './citation-list';

const EXTRACTIVE_LABEL = 'From your saved pages (no language model yet)';

interface Props {
  message: MessageRow;
  now: number;
}

export function Message({ message, now }: Props) {
  if (message.role === 'user') {
    return (
      <li
        class="message message--user"
        data-testid="message"
        data-role="user"
        data-status={message.status}
      >
        <p class="message-text" dir="auto">
          {message.text}
        </p>
      </li>
    );
  }
  return <AssistantMessage message={message} now={now} />;
}

const isWorking = (status: MessageRow['status']) =>
  status === 'pending' || status === 'searching' || status === 'generating';

function AssistantMessage({ message, now }: Props) {
  const working = isWorking(message.status);
  const { text, citations } = message;
  return (
    <li
      class="message message--assistant"
      data-testid="message"
      data-role="assistant"
      data-status={message.status}
      data-mode={message.mode}
      aria-busy={working}
    >
      {/* Only over quoted passages: a plain "nothing about that" reply quotes no page, and the
          label would claim a missing model beside "Language model ready". */}
      {message.mode === 'extractive' && citations.length > 0 && (
        <p class="mode-label" data-testid="mode-label">
          {EXTRACTIVE_LABEL}
        </p>
      )}
      {/* Always present (empty until the first words), so tests and readers find one place. */}
      <AnswerText text={text} citations={citations} streaming={working && text !== ''} />
      {working && text === '' && (
        <p class="progress" role="status" data-testid="progress">
          <span class="spinner" aria-hidden="true" />
          {message.progress || 'Searching your memory…'}
        </p>
      )}
      {message.status === 'error' && (
        <p class="message-error" data-testid="answer-error">
          Couldn’t answer: {message.error || 'something went wrong.'}
        </p>
      )}
      {message.status === 'done' && text === '' && (
        <p class="muted">Nothing in your memory answers that yet.</p>
      )}
      {citations.length > 0 && <CitationList citations={citations} now={now} />}
    </li>
  );
}
