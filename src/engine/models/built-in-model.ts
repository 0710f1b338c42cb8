/**
 * Chrome's built-in Prompt API (`LanguageModel`, Gemini Nano) as a generation provider, where the
 * browser has it. Nothing leaves the device: the model runs in the browser. Its languages are
 * limited (Chrome's docs: English, Spanish and Japanese in and out), so a question in any other
 * language, a Chinese one for instance, falls back to Engram's own model. The availability check
 * names the languages too, so a browser that supports fewer (or more) decides.
 * https://developer.chrome.com/docs/ai/prompt-api
 */
import { detectLanguage } from '../../core/text/language';

/** Input and output languages the Prompt API supports (checked again with availability()). */
/** How an answer written by the browser's own model names its model. */
export const BUILT_IN_MODEL_ID = 'chrome-prompt-api';

export const PROMPT_API_LANGUAGES = ['en', 'es', 'ja'] as const;

type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

interface ExpectedIo {
  type: 'text';
  languages: string[];
}

interface CreateOptions {
  initialPrompts?: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
  expectedInputs?: ExpectedIo[];
  expectedOutputs?: ExpectedIo[];
  signal?: AbortSignal;
}

export interface PromptSession {
  promptStreaming(input: string, options?: { signal?: AbortSignal }): AsyncIterable<string>;
  destroy(): void;
}

/** The part of the `LanguageModel` global Engram uses (injected, so tests pass a fake). */
export interface LanguageModelApi {
  availability(options?: Omit<CreateOptions, 'initialPrompts' | 'signal'>): Promise<Availability>;
  create(options?: CreateOptions): Promise<PromptSession>;
}

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The Prompt API of this browser, if it has one. */
export const browserLanguageModel = (): LanguageModelApi | undefined =>
  (globalThis as { LanguageModel?: LanguageModelApi }).LanguageModel;

/** The Prompt API language for `text`, or undefined when the API cannot serve it. */
export function promptApiLanguage(text: string): string | undefined {
  const language = detectLanguage(text);
  // detectLanguage tells scripts apart: Latin script is read as English (Spanish is served too).
  if (language === 'en') return 'en';
  if (language === 'ja') return 'ja';
  return undefined;
}

const expectations = ({ input, output }: PromptLanguages) => ({
  expectedInputs: [{ type: 'text' as const, languages: input }],
  expectedOutputs: [{ type: 'text' as const, languages: [output] }],
});

export class BuiltInModel {
  constructor(private readonly api: LanguageModelApi | undefined = browserLanguageModel()) {}

  get present(): boolean {
    return this.api !== undefined;
  }

  /**
   * Whether the built-in model can answer these turns now: the question and the quoted sources
   * in languages it supports, and the model already on the device (a 'downloadable' model is left
   * for the user to get through Chrome).
   */
  async canAnswer(turns: readonly ChatTurn[]): Promise<boolean> {
    const languages = languagesOf(turns);
    if (!this.api || !languages) return false;
    try {
      return (await this.api.availability(expectations(languages))) === 'available';
    } catch {
      return false;
    }
  }

  /**
   * Stream an answer: `onText` gets the text so far; returns the whole answer, or the words
   * written until `signal` stopped it.
   */
  async generate(
    turns: readonly ChatTurn[],
    onText: (text: string) => void,
    signal?: AbortSignal,
  ): Promise<string> {
    if (!this.api) throw new Error('This browser has no built-in language model.');
    const last = turns.at(-1);
    if (!last || last.role !== 'user') throw new Error('The last turn must be the question.');
    const session = await this.api.create({
      initialPrompts: turns.slice(0, -1).map((t) => ({ role: t.role, content: t.content })),
      ...expectations(languagesOf(turns) ?? { input: ['en'], output: 'en' }),
    });
    let text = '';
    try {
      const stream = session.promptStreaming(last.content, signal ? { signal } : undefined);
      for await (const piece of stream) {
        text += piece;
        onText(text);
      }
      return text.trim();
    } catch (error) {
      if (signal?.aborted) return text.trim();
      throw error;
    } finally {
      session.destroy();
    }
  }
}

/** The question of a turn built by core/answer/prompt.ts: what follows its last "Question: ". */
const questionOf = (content: string): string => {
  const at = content.lastIndexOf('Question: ');
  return at >= 0 ? content.slice(at + 'Question: '.length) : content;
};

/** The quoted page texts of a turn built by core/answer/prompt.ts. */
const quotedTexts = (content: string): string[] =>
  [...content.matchAll(/<source[^>]*>\n([\s\S]*?)\n<\/source>/g)].map((m) => m[1] ?? '');

export interface PromptLanguages {
  /** The question's, every quoted page's, and English (the prompt's own words). */
  input: string[];
  /** The answer's: the question's. */
  output: string;
}

/**
 * The Prompt API languages of the last user turn, or undefined when its question or any page it
 * quotes is in a language the API cannot serve.
 */
export function languagesOf(turns: readonly ChatTurn[]): PromptLanguages | undefined {
  const last = turns.at(-1);
  if (!last || last.role !== 'user') return undefined;
  const output = promptApiLanguage(questionOf(last.content));
  if (!output) return undefined;
  const input = new Set([output, 'en']);
  for (const text of quotedTexts(last.content)) {
    const language = promptApiLanguage(text);
    if (!language) return undefined;
    input.add(language);
  }
  return { input: [...input], output };
}
