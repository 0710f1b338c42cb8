/**
 * Is the answer's best passage weak? (issue 15, docs/VOICE.md "Honest about memory") Retrieval
 * keeps a source only when the relevance gate passes it (core/rank/relevance.ts: relevance is in
 * units of the embedding model's thresholds, 1 or more passes), so every cited source is "about"
 * the question; but one that only just passes is often a near miss, a page on the same topic that
 * does not hold the answer. Then the answer says it is unsure, rather than quoting the near miss
 * with the confidence of a match.
 */

/**
 * A best source under this relevance is weak, for a model whose thresholds name no line of their
 * own (RelevanceThresholds.unsure). Relevance 1 is the gate itself; 1.75 asks for three quarters
 * as much evidence again: with the shipped model's thresholds (coverage 0.3, or 0.1 when keyword
 * and dense search agree on the source), a best page holding under 52.5% of the question's idf
 * weight (17.5% with agreement). Measured with `npm run eval:retrieval -- --thresholds
 * Xenova/multilingual-e5-small` (those thresholds on the fixture model's lists): of the 84
 * questions answered, 36 cite no answer page; under 1.75, 44% of those say they are unsure and
 * 2.1% (1 of 48) of the right ones do; 1.5 catches 33% for the same 2.1%, 2.0 catches 50% for
 * 8.3%. A Chinese question about an English page passes on the dense rank alone (relevance 1):
 * with nothing to vouch for it, it is always unsure.
 */
export const WEAK_RELEVANCE = 1.75;

/**
 * True when the best of the cited sources' relevances is under `line` (the model's, else
 * WEAK_RELEVANCE). Nothing cited is not "weak": that is the "not in memory" answer.
 */
export function isWeakMatch(relevances: readonly number[], line = WEAK_RELEVANCE): boolean {
  if (relevances.length === 0) return false;
  return Math.max(...relevances) < line;
}

/**
 * Ways an answer says it is unsure, as a small model writes them (language data the code reads,
 * folded to lower case), in English and Chinese: "I'm not sure", "I only half remember",
 * "不太确定", "不能肯定".
 */
const UNSURE =
  /\b(?:not (?:sure|certain)|unsure|uncertain|can(?:not|['’]t| not) (?:tell|be sure)|only (?:half|partly)|may not be|might not be)\b|不(?:太)?确定|不能肯定|不敢肯定|拿不准|不一定/u;

/** Whether `text` says somewhere that it is unsure (see UNSURE). */
export function saysUnsure(text: string): boolean {
  return UNSURE.test(text.toLowerCase());
}
