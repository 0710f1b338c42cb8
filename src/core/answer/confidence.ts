/**
 * Is the answer's best passage weak? (issue 15, docs/VOICE.md "Honest about memory") Retrieval
 * keeps a source only when the relevance gate passes it (core/rank/relevance.ts: relevance is in
 * units of the embedding model's thresholds, 1 or more passes), so every cited source is "about"
 * the question; but one that only just passes is often a near miss, a page on the same topic that
 * does not hold the answer. Then the answer says it is unsure, rather than quoting the near miss
 * with the confidence of a match.
 */

/**
 * A best source under this relevance is weak. Relevance 1 is the gate itself; 1.5 asks for half
 * as much evidence again: with the shipped model's thresholds (coverage 0.3, or 0.1 when keyword
 * and dense search agree on the source), a best page holding less than 45% of the question's
 * idf weight (15% with agreement), with no cosine to vouch for it.
 */
export const WEAK_RELEVANCE = 1.5;

/**
 * True when the best of the cited sources' relevances is under WEAK_RELEVANCE. Nothing cited is
 * not "weak": that is the "not in memory" answer, said elsewhere.
 */
export function isWeakMatch(relevances: readonly number[]): boolean {
  if (relevances.length === 0) return false;
  return Math.max(...relevances) < WEAK_RELEVANCE;
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
