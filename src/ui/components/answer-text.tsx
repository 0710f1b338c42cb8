/**
 * The answer as plain text, with `[n]` markers turned into citation chips. Text nodes only:
 * the answer is model output over untrusted pages and is never parsed as HTML.
 */
import type { Citation } from '../../shared/db';
import { tIn, type TextLanguage } from '../../shared/i18n-in';
import { splitAnswer } from './answer-parts';
import { openCitationQuietly } from './open-citation';

interface Props {
  text: string;
  citations: readonly Citation[];
  /** The question's language, for the chips' names. */
  language: TextLanguage;
  streaming: boolean;
}

export function AnswerText({ text, citations, language, streaming }: Props) {
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  const parts = splitAnswer(text, new Set(byNumber.keys()));
  return (
    <div
      class="answer-text"
      data-testid="answer-text"
      data-streaming={streaming ? 'true' : undefined}
      dir="auto"
    >
      {parts.map((part, i) => {
        if (part.kind === 'text') return part.text;
        const citation = byNumber.get(part.n);
        if (!citation) return `[${part.n}]`;
        const name = citation.forgotten
          ? tIn(language, 'popupForgottenSource')
          : citation.title || citation.site;
        return (
          <button
            key={i}
            type="button"
            class="chip"
            data-testid="citation-chip"
            data-n={part.n}
            aria-label={tIn(language, 'popupSourceChip', part.n, name)}
            title={name}
            onClick={() => openCitationQuietly(citation)}
          >
            {/* Hidden brackets keep "[1]" in copied text and in textContent. */}
            <span class="visually-hidden">[</span>
            {part.n}
            <span class="visually-hidden">]</span>
          </button>
        );
      })}
    </div>
  );
}
