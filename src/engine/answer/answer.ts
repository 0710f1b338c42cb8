/**
 * Answer a question from memory, writing every step into the assistant message so the popup (or
 * a popup opened later) shows it: keyword citations at once, hybrid citations when the embedder is
 * ready, then either the model's streamed answer or, without a language model, the best sentences
 * of the sources (extractive). Never an empty screen: every wait has words and a percentage.
 */
import { extractiveAnswer, groupedByPassage } from '../../core/answer/extractive';
import { buildAnswerMessages, type PromptConversation } from '../../core/answer/prompt';
import type { PromptBudget } from '../../core/answer/prompt-budget';
import type { ResolvedQuestion } from '../../core/dialogue/follow-up';
import { FRESH_WAIT_MS, waitForFreshCaptures } from './fresh-captures';
import { recentTurns } from '../../core/dialogue/recent-turns';
import type { TimeFilter } from '../../core/time/time-query';
import type { EngramDb, MessageRow } from '../../shared/db';
import { languageOfText, tIn, type TextLanguage } from '../../shared/i18n-in';
import { readSetting } from '../../shared/settings';
import {
  getMessage,
  questionOf,
  updateMessage,
  type MessagePatch,
} from '../../shared/store/conversations';
import { beginAnswerAttempt } from '../../shared/store/answer-attempts';
import { markAnswerStopped } from '../../shared/store/answer-control';
import { BUILT_IN_MODEL_ID } from '../models/built-in-model';
import { answerBudget, deviceClass, writingStatus } from './answer-budget';
import { citationsFor } from './citations';
import { framedForConfidence, generatedAnswer, weakMatch } from './manner';
import { conversationContext, type ConversationContext } from './conversation-context';
import { resolveInConversation } from './follow-up-rewrite';
import type { Embedder } from '../models/embedder';
import type { Generator } from '../models/generator';
import type { MemoryIndex } from '../index/memory-index';
import type { QuestionEntities } from './entity-sources';
import { ownWordsAnswer } from './own-words-answer';
import { retrieve, type RetrievedSource } from './retrieve';
import { whatElse } from './what-else';
import { citedPeople, whoAndWhen, withLead } from './who-and-when';

const STREAM_WRITE_MS = 100;
const PROGRESS_WRITE_MS = 500;
/** How long a question waits for a loading embedding model before settling for keywords. */
const EMBEDDER_WAIT_MS = 20_000;

/**
 * The plain answer when memory holds nothing on the question, in the question's language: with
 * an empty memory, how to fill it; otherwise that nothing kept is about it (no guess, no sources).
 */
export function nothingFound(question: string, when?: string, memoryEmpty = false): string {
  const language = languageOfText(question);
  if (when) return tIn(language, 'answerNothingInPeriod', when.trim());
  return tIn(language, memoryEmpty ? 'answerMemoryEmpty' : 'answerNothingRelevant');
}

/**
 * "What was searched" for the answer (MessageRow.searched): the resolved follow-up and the time
 * filter, with the sources whose titles the query names; nothing when the question was searched
 * as asked.
 */
export function searchedFor(
  question: string,
  resolved: ResolvedQuestion,
  time: TimeFilter | undefined,
  conversation: ConversationContext,
): Pick<MessagePatch, 'searched'> {
  const changed = resolved.query !== question.trim();
  if (!changed && !time) return {};
  const ids = conversation.earlier?.sourceIds ?? [];
  const named = resolved.named.flatMap((i) => (ids[i] ? [ids[i]] : []));
  return {
    searched: {
      query: resolved.query,
      ...(time ? { time: time.matched } : {}),
      ...(named.length > 0 ? { named } : {}),
      ...(resolved.rules.includes('model') ? { by: 'model' as const } : {}),
    },
  };
}

export class Answerer {
  /** The answers being written now, each with the switch that stops it (issue 15: Stop). */
  private readonly active = new Map<string, AbortController>();
  /** The longest an answer waits for what was saved just before it (fresh-captures.ts). */
  freshWaitMs = FRESH_WAIT_MS;

  constructor(
    private readonly db: EngramDb,
    private readonly index: MemoryIndex,
    private readonly embedder: Embedder,
    private readonly generator: Generator,
    private readonly embedderWaitMs = EMBEDDER_WAIT_MS,
    /** The graph's known names (issue 14): a question naming one finds the pages about it. */
    private readonly entities?: QuestionEntities,
  ) {}

  async answer(messageId: string): Promise<void> {
    if (this.active.has(messageId)) return;
    const control = new AbortController();
    this.active.set(messageId, control);
    try {
      const message = await getMessage(this.db, messageId);
      if (message?.role !== 'assistant' || message.status === 'done') return;
      // Counted before the try: a try that kills the engine is not resumed at every start.
      if (!(await beginAnswerAttempt(this.db, messageId))) {
        const question = (await questionOf(this.db, message)) ?? '';
        await this.update(messageId, {
          status: 'error',
          error: tIn(languageOfText(question), 'answerEngineStopped'),
          progress: '',
        });
        return;
      }
      await this.run(message, control.signal);
    } catch (error) {
      // Worded for the user in the question's language (docs/VOICE.md, rule 8); the raw error,
      // English and technical, is for the log.
      console.warn('Engram: answering failed:', error);
      const message = await getMessage(this.db, messageId).catch(() => undefined);
      const question = message && (await questionOf(this.db, message).catch(() => undefined));
      const reason = tIn(languageOfText(question ?? ''), 'answerFailedReason');
      await this.update(messageId, { status: 'error', error: reason });
    } finally {
      this.active.delete(messageId);
    }
  }

  /**
   * Stop an answer while it is written (the chat's Stop): generation is interrupted at the next
   * token, and what was written stays, marked stopped. An answer this engine is not writing (its
   * try has not started, or ended) is marked in the store. False when it had already finished.
   */
  async stop(messageId: string): Promise<boolean> {
    const control = this.active.get(messageId);
    if (!control) return markAnswerStopped(this.db, messageId);
    control.abort();
    return true;
  }

  /** The last write of a stopped answer: what is on screen stays, with the stop marked. */
  private endStopped(id: string, patch: MessagePatch = {}): Promise<void> {
    return this.update(id, { ...patch, status: 'done', stopped: true, progress: '' });
  }

  private update(id: string, patch: MessagePatch): Promise<void> {
    return updateMessage(this.db, id, patch);
  }

  private async run(message: MessageRow, signal: AbortSignal): Promise<void> {
    const id = message.id;
    const question = await questionOf(this.db, message);
    if (!question) throw new Error('The question of this answer was lost.');
    // A follow-up is searched with its references filled in from the conversation (issue 15).
    const conversation = await conversationContext(this.db, message);
    const resolved = await resolveInConversation(
      this.generator,
      question,
      conversation.earlier,
      signal,
    );
    // "What else did I read about this?" follows the graph from the pages cited (issue 14).
    const more = await whatElse(this.db, question, conversation);
    const query = more?.query ?? resolved.query;
    // Something saved just before the question is read before the search (fresh-captures.ts);
    // the index then catches up from the log, whether or not indexing has synced it yet.
    const fresh = await waitForFreshCaptures(this.db, message.createdAt, {
      timeoutMs: this.freshWaitMs,
      signal,
      onWait: () =>
        this.update(id, { progress: tIn(languageOfText(question), 'answerReadingFresh') }),
    });
    if (fresh.waited) await this.index.sync(this.db);
    if (signal.aborted) return this.endStopped(id);

    let found = await retrieve(this.db, this.index, this.embedder, query, {
      dense: false,
      entities: this.entities,
      related: more?.related,
    });
    if (signal.aborted) return this.endStopped(id);
    await this.update(id, {
      status: 'searching',
      citations: citationsFor(found.sources, query),
      ...(more
        ? { searched: more.searched }
        : searchedFor(question, resolved, found.time, conversation)),
    });

    if (
      !this.embedder.isReady &&
      !['failed', 'not-downloaded'].includes(this.embedder.status.state)
    ) {
      await this.waitFor(id, this.embedder.load(), 'embed', question, this.embedderWaitMs, signal);
    }
    if (signal.aborted) return this.endStopped(id);
    if (this.embedder.isReady) {
      found = await retrieve(this.db, this.index, this.embedder, query, {
        dense: true,
        entities: this.entities,
        related: more?.related,
      });
    }
    const retrieved = found.sources;
    if (retrieved.length === 0) {
      await this.update(id, {
        status: 'done',
        mode: 'extractive',
        text:
          fresh.unread > 0
            ? tIn(languageOfText(question), 'answerStillReading')
            : nothingFound(question, found.time?.matched, this.index.chunkCount === 0),
        citations: [],
      });
      return;
    }
    const people = await citedPeople(this.db, retrieved, found.entities);
    const citations = citationsFor(retrieved, query, people.bySource);
    // A weak best passage: the answer says it is unsure (docs/VOICE.md, issue 15).
    const weak = weakMatch(retrieved, this.embedder.spec.relevance.unsure);
    // The user's own words are quoted with when they were said (issue 15), not cut into sentences.
    const quoted = ownWordsAnswer(question, retrieved, Date.now());
    const extractive = withLead(
      whoAndWhen(question, retrieved, found.entities),
      framedForConfidence(question, quoted ?? extractiveText(query, retrieved), weak),
    );
    const useModel =
      (await readSetting(this.db, 'generation')) &&
      !['failed', 'unavailable', 'not-downloaded'].includes(this.generator.status.state);
    if (!useModel) {
      await this.update(id, { status: 'done', mode: 'extractive', text: extractive, citations });
      return;
    }
    // While the language model loads, the best passages are already an answer.
    await this.update(id, {
      status: 'generating',
      mode: 'extractive',
      text: extractive,
      citations,
    });
    try {
      await this.waitFor(id, this.generator.load(), 'generate', question, Infinity, signal);
      // Stopped while the model loaded: the best passages on screen are the answer.
      if (signal.aborted) return await this.endStopped(id);
      // As much as this device reads in a few seconds (issue 13; docs/MODELS.md).
      const budget = answerBudget(this.generator.spec, deviceClass(this.generator.runtime));
      const written = await this.stream(
        id,
        question,
        retrieved,
        people.authors,
        {
          turns: recentTurns(conversation.turns, budget.turnTokens, budget.turns),
          ...(query !== question ? { searched: query } : {}),
        },
        { unsure: weak, budget },
        signal,
      );
      const text = written && generatedAnswer(question, written, retrieved.length, weak);
      // Stopped while writing: the words so far stay (none yet: the passages on screen).
      if (signal.aborted) {
        return await this.endStopped(id, text ? { mode: 'generated', text } : {});
      }
      await this.update(id, {
        status: 'done',
        mode: text ? 'generated' : 'extractive',
        text: text || extractive,
        model:
          this.generator.lastProvider === 'built-in' ? BUILT_IN_MODEL_ID : this.generator.spec.id,
        progress: '',
      });
    } catch (error) {
      console.warn('Engram: generation failed; answering with the best passages:', error);
      await this.update(id, { status: 'done', mode: 'extractive', text: extractive, progress: '' });
    }
  }

  private async stream(
    id: string,
    question: string,
    retrieved: RetrievedSource[],
    authors: ReadonlyMap<string, string[]>,
    conversation: PromptConversation,
    manner: { unsure: boolean; budget: PromptBudget },
    signal: AbortSignal,
  ): Promise<string> {
    const messages = buildAnswerMessages(
      question,
      retrieved.map(({ source, chunks }, i) => ({
        n: i + 1,
        title: source.title,
        site: source.site,
        savedAt: source.savedAt,
        text: chunks.map((c) => c.text).join('\n…\n'),
        ...(source.kind === 'note' || source.kind === 'said' ? { note: true } : {}),
        ...(authors.has(source.id) ? { authors: authors.get(source.id) } : {}),
      })),
      Date.now(),
      conversation,
      manner,
    );
    const writing = tIn(languageOfText(question), 'answerWriting');
    // Until the first words: how long the model will read its prompt, when that is long.
    await this.update(id, {
      progress: writingStatus(languageOfText(question), messages, manner.budget),
    });
    let lastWrite = 0;
    let pending: Promise<void> = Promise.resolve();
    const text = await this.generator.generate(
      messages,
      (soFar) => {
        const now = Date.now();
        if (now - lastWrite < STREAM_WRITE_MS || signal.aborted) return;
        lastWrite = now;
        // A number that names no source never shows, even while it is written.
        const shown = generatedAnswer(question, soFar, retrieved.length, false);
        pending = pending.then(() =>
          this.update(id, { mode: 'generated', text: shown, progress: writing }),
        );
      },
      signal,
    );
    await pending;
    return text;
  }

  /**
   * Wait for a model, keeping the message's progress line current, in the question's language;
   * false after `timeoutMs`.
   */
  private async waitFor(
    id: string,
    load: Promise<unknown>,
    what: 'embed' | 'generate',
    question: string,
    timeoutMs = Infinity,
    signal?: AbortSignal,
  ): Promise<boolean> {
    const status = what === 'embed' ? this.embedder.status : this.generator.status;
    const language: TextLanguage = languageOfText(question);
    let settled = false;
    const done = load.then(
      () => true,
      (error: unknown) => {
        if (what === 'generate') throw error;
        return false;
      },
    );
    const started = Date.now();
    void done.finally(() => (settled = true)).catch(() => undefined);
    while (!settled && !signal?.aborted && Date.now() - started < timeoutMs) {
      await this.update(id, { progress: status.describe(what, language) });
      await Promise.race([done.catch(() => false), sleep(PROGRESS_WRITE_MS)]);
    }
    return settled ? done : false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function extractiveText(question: string, retrieved: readonly RetrievedSource[]): string {
  const passages = retrieved.map(({ chunks }, i) => ({
    n: i + 1,
    text: chunks.map((c) => c.text).join('\n'),
  }));
  return groupedByPassage(extractiveAnswer(question, passages));
}
