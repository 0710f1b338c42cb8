/**
 * A follow-up made searchable (issue 15): by the rules (core/dialogue/follow-up.ts) always, and
 * by the language model instead where it is already loaded and its measured speed says the
 * rewrite ends within REWRITE_MAX_MS (core/dialogue/model-rewrite.ts). The rewrite is stopped at
 * that time whatever happens, and an output that fails its checks is dropped: the question then
 * waits no longer than the bound and is searched with the rules' query.
 */
import {
  resolveFollowUp,
  type EarlierTurn,
  type ResolvedQuestion,
} from '../../core/dialogue/follow-up';
import {
  checkedRewrite,
  fastEnough,
  REWRITE_MAX_MS,
  REWRITE_MAX_TOKENS,
  rewritePrompt,
} from '../../core/dialogue/model-rewrite';
import type { Generator } from '../models/generator';

export async function resolveInConversation(
  generator: Pick<Generator, 'status' | 'speed' | 'generate'>,
  question: string,
  earlier: EarlierTurn | undefined,
  signal?: AbortSignal,
): Promise<ResolvedQuestion> {
  const rules = resolveFollowUp(question, earlier);
  if (!earlier) return rules;
  const prompt = rewritePrompt(question, earlier);
  if (generator.status.state !== 'ready' || !fastEnough(generator.speed, prompt)) return rules;

  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), REWRITE_MAX_MS);
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  // A model that does not stop at once (prefill is not interruptible) is not waited for.
  const stopped = new Promise<undefined>((resolve) =>
    stop.signal.addEventListener('abort', () => resolve(undefined), { once: true }),
  );
  try {
    const output = await Promise.race([
      generator.generate(prompt, () => undefined, stop.signal, REWRITE_MAX_TOKENS),
      stopped,
    ]);
    const query =
      output === undefined || stop.signal.aborted ? undefined : checkedRewrite(output, question);
    if (!query || query === question.trim()) return rules;
    const named = earlier.cited.flatMap((title, i) =>
      title && query.includes(title.trim()) ? [i] : [],
    );
    return { query, rules: ['model'], named };
  } catch (error) {
    console.warn('Engram: the follow-up rewrite failed; searching with the rules:', error);
    return rules;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
