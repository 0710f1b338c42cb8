/**
 * One message of the conversation. The data-* attributes are hooks for the end-to-end tests.
 * Everything printed around an answer is worded in its question's language (`language`).
 */
import type { MessageRow } from '../../shared/db';
import { tIn, type TextLanguage } from '../../shared/i18n-in';
import { AnswerActions } from './answer-actions';
import { AnswerText } from './answer-text';
import { CitationList } from './citation-list';
import { ReadAloud } from './voice/read-aloud';

interface Props {
  message: MessageRow;
  /** The language of the question an answer replies to. */
  language: TextLanguage;
  now: number;
}

export function Message({ message, language, now }: Props) {
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
  return <AssistantMessage message={message} language={language} now={now} />;
}

const isWorking = (status: MessageRow['status']) =>
  status === 'pending' || status === 'searching' || status === 'generating';

function AssistantMessage({ message, language, now }: Props) {
  const working = isWorking(message.status);
  const { text, citations } = message;
  return (
    <li
      class="message message--assistant"
      data-testid="message"
      data-role="assistant"
      data-status={message.status}
      data-mode={message.mode}
      lang={language === 'zh' ? 'zh-CN' : 'en'}
      aria-busy={working}
    >
      {/* Only over quoted passages: a plain "nothing about that" reply quotes no page, and the
          label would claim a missing model beside "Language model ready". */}
      {message.mode === 'extractive' && citations.length > 0 && (
        <p class="mode-label" data-testid="mode-label">
          {tIn(language, 'popupExtractiveLabel')}
        </p>
      )}
      {/* Always present (empty until the first words), so tests and readers find one place. */}
      <AnswerText
        text={text}
        citations={citations}
        language={language}
        streaming={working && text !== ''}
      />
      {/* Also under the best passages while the language model loads or reads its prompt:
          "Writing… the first words in about 25 s" (issue 13). */}
      {working && (text === '' || (message.mode === 'extractive' && !!message.progress)) && (
        <p class="progress" role="status" data-testid="progress">
          <span class="spinner" aria-hidden="true" />
          {message.progress || tIn(language, 'popupSearching')}
        </p>
      )}
      {message.status === 'error' && (
        <p class="message-error" data-testid="answer-error">
          {tIn(
            language,
            'popupAnswerFailed',
            message.error || tIn(language, 'popupAnswerFailedUnknown'),
          )}
        </p>
      )}
      {message.status === 'done' && text === '' && !message.forgottenSentences && (
        <p class="muted">{tIn(language, 'popupNoAnswer')}</p>
      )}
      {(message.forgottenSentences ?? 0) > 0 && (
        <p class="forgotten-note" data-testid="forgotten-note">
          {tIn(language, 'popupForgottenSentences')}
        </p>
      )}
      {message.searched && <SearchedFor searched={message.searched} language={language} />}
      {message.status === 'done' && text !== '' && <ReadAloud text={text} language={language} />}
      {citations.length > 0 && <CitationList citations={citations} language={language} now={now} />}
      <AnswerActions message={message} language={language} />
    </li>
  );
}

/**
 * What was searched for the answer (issue 15): a follow-up's question as resolved against the
 * conversation, and the time filter, folded away under the answer so a surprising answer can be
 * explained without cluttering the usual one.
 */
export function SearchedFor({
  searched,
  language,
}: {
  searched: NonNullable<MessageRow['searched']>;
  language: TextLanguage;
}) {
  return (
    <details class="searched-for" data-testid="searched-for">
      <summary>{tIn(language, 'popupSearchedSummary')}</summary>
      <p dir="auto" data-testid="searched-query">
        {tIn(language, 'popupSearchedQuery', searched.query)}
      </p>
      {searched.time && (
        <p data-testid="searched-time">{tIn(language, 'popupSearchedTime', searched.time)}</p>
      )}
      {searched.by === 'model' && (
        <p class="muted" data-testid="searched-by">
          {tIn(language, 'popupSearchedByModel')}
        </p>
      )}
    </details>
  );
}
