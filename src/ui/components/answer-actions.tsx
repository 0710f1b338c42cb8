/**
 * What the user can do with an answer (issue 15): Stop it while it is written, and once it is
 * finished write it again (Regenerate) or copy it with its sources. Worded in the answer's
 * language, as everything around an answer is. A stopped answer says so.
 */
import { useEffect, useState } from 'preact/hooks';
import './answer-actions.css';
import type { MessageRow } from '../../shared/db';
import { tIn, type TextLanguage } from '../../shared/i18n-in';
import { errorMessage, send } from '../../shared/messaging';
import { isAnswerWorking } from '../../shared/store/answer-control';
import { answerCopyText } from './answer-copy';

/** How long "Copied" stays before the button reads "Copy" again. */
const COPIED_MS = 2_000;

interface Props {
  message: MessageRow;
  language: TextLanguage;
}

export function AnswerActions({ message, language }: Props) {
  const [copied, setCopied] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [asked, setAsked] = useState(false);
  const working = isAnswerWorking(message.status);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  // A new state of the answer (stopped, rewritten) makes its buttons usable again.
  useEffect(() => setAsked(false), [message.status]);

  const run = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    setAsked(true);
    try {
      await work();
    } catch (error) {
      setAsked(false);
      setProblem(tIn(language, 'answerActionFailed', errorMessage(error)));
    }
  };
  const copy = async () => {
    const text = answerCopyText(message.text, message.citations, {
      sources: tIn(language, 'answerCopySources'),
      forgotten: tIn(language, 'popupForgottenSource'),
    });
    try {
      await navigator.clipboard.writeText(text);
      setProblem(undefined);
      setCopied(true);
    } catch (error) {
      setProblem(tIn(language, 'answerActionFailed', errorMessage(error)));
    }
  };

  // A note kept from "remember …" has no mode: nothing to write again or stop.
  const answered = message.mode !== undefined || message.status === 'error';
  return (
    <div class="answer-actions" data-testid="answer-actions">
      {message.stopped && (
        <p class="answer-stopped muted" data-testid="answer-stopped">
          {tIn(language, 'answerStopped')}
        </p>
      )}
      <div class="answer-buttons">
        {working ? (
          <button
            type="button"
            class="answer-button"
            data-testid="answer-stop"
            disabled={asked}
            onClick={() => void run(() => send('chat/stop', { messageId: message.id }))}
          >
            <span class="stop-square" aria-hidden="true" />
            {tIn(language, 'answerStop')}
          </button>
        ) : (
          <>
            {message.text.trim() !== '' && (
              <button
                type="button"
                class="answer-button"
                data-testid="answer-copy"
                title={tIn(language, 'answerCopyTitle')}
                onClick={() => void copy()}
              >
                {tIn(language, 'answerCopy')}
              </button>
            )}
            {answered && (
              <button
                type="button"
                class="answer-button"
                data-testid="answer-regenerate"
                title={tIn(language, 'answerRegenerateTitle')}
                disabled={asked}
                onClick={() => void run(() => send('chat/regenerate', { messageId: message.id }))}
              >
                {tIn(language, 'answerRegenerate')}
              </button>
            )}
          </>
        )}
        {/* The confirmation, beside the button and announced when it appears. */}
        <span class="answer-copied" role="status" data-testid="answer-copied">
          {copied ? tIn(language, 'answerCopied') : ''}
        </span>
      </div>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
