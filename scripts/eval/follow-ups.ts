/**
 * Follow-ups in the retrieval eval (issue 15): two- and three-turn conversations over the eval
 * pages (tests/fixtures/eval/conversations.json). Each turn is searched as the engine does it:
 * resolved against the turn before (src/core/dialogue/follow-up.ts) with the titles that turn's
 * gated search would cite. The last turn's answer page is then ranked three ways: the follow-up
 * resolved in its conversation ("in context"), the follow-up as typed ("alone"), and the full
 * question a user would ask without a conversation ("full"). The goal: in context as good as full.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveFollowUp, type EarlierTurn } from '../../src/core/dialogue/follow-up';
import { EVAL_DIR, type EvalPage, type EvalQuestion } from './corpus';
import { gatePages } from './gate';
import type { RelevanceThresholds } from '../../src/core/rank/relevance';
import { metricsOf, type Metrics } from './stats';
import { pageRanking, type Embed, type Search } from './evaluate';

export interface EvalConversation {
  id: string;
  lang: EvalQuestion['lang'];
  /** The questions as typed, in order; the last is the follow-up measured. */
  turns: string[];
  /** The last turn asked as a question that stands alone. */
  full: string;
  /** The page that answers the last turn. */
  answer_page: string;
}

export const VARIANTS = ['in context', 'alone', 'full'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Sources an answer cites (the engine's retrieve.ts maxSources). */
const CITED = 4;

export interface FollowUpResult {
  id: string;
  lang: EvalQuestion['lang'];
  turns: number;
  /** What was searched for the last turn, per variant. */
  queries: Record<Variant, string>;
  /** 1-based rank of the answer page: fused (hybrid-weighted) and after the gate (cited). */
  ranks: Record<Variant, { fused: number | null; gated: number | null }>;
}

export interface FollowUpReport {
  conversations: number;
  /** Per group (`all`, `lang:en`, `lang:zh`, `turns:3`), per variant, fused and gated. */
  metrics: Record<string, Record<Variant, { fused: Metrics; gated: Metrics }>>;
  results: FollowUpResult[];
}

/** The conversations, checked: unique ids, two or three turns, answer pages that exist. */
export function loadConversations(
  pages: readonly EvalPage[],
  file = path.join(EVAL_DIR, 'conversations.json'),
): EvalConversation[] {
  const conversations = JSON.parse(readFileSync(file, 'utf8')) as EvalConversation[];
  const pageIds = new Set(pages.map((p) => p.id));
  const seen = new Set<string>();
  for (const c of conversations) {
    const problem =
      (seen.has(c.id) && 'duplicate id') ||
      ((c.turns.length < 2 || c.turns.length > 3) && 'not two or three turns') ||
      (c.lang !== 'en' && c.lang !== 'zh' && `unknown lang ${String(c.lang)}`) ||
      (!pageIds.has(c.answer_page) && `no page ${c.answer_page}`) ||
      ([...c.turns, c.full].some((t) => t.trim() === '') && 'an empty question');
    if (problem) throw new Error(`conversations.json: ${c.id}: ${problem}`);
    seen.add(c.id);
  }
  return conversations;
}

/** Every question text the conversations could search, for the soft match's word list. */
export const conversationTexts = (conversations: readonly EvalConversation[]): string[] =>
  conversations.flatMap((c) => [...c.turns, c.full]);

export async function evaluateFollowUps(
  conversations: readonly EvalConversation[],
  pages: readonly EvalPage[],
  search: Search,
  embed: Embed,
  relevance: RelevanceThresholds,
): Promise<FollowUpReport> {
  const titleOf = new Map(pages.map((p) => [p.id, p.title]));
  const results: FollowUpResult[] = [];
  for (const c of conversations) {
    const run = async (question: string) => {
      const [vector] = await embed([question], 'query');
      if (!vector) throw new Error(`follow-ups: no vector for ${c.id}`);
      const { fused, judged } = search(question, c.lang, vector);
      return { fused: pageRanking(fused), gated: gatePages(judged, relevance) };
    };
    let earlier: EarlierTurn | undefined;
    for (const turn of c.turns.slice(0, -1)) {
      const query = resolveFollowUp(turn, earlier).query;
      const { gated } = await run(query);
      earlier = {
        question: query,
        cited: gated.slice(0, CITED).map((id) => titleOf.get(id) ?? ''),
      };
    }
    const last = c.turns.at(-1) ?? '';
    const queries: Record<Variant, string> = {
      'in context': resolveFollowUp(last, earlier).query,
      alone: last,
      full: c.full,
    };
    const ranks = {} as FollowUpResult['ranks'];
    for (const variant of VARIANTS) {
      const { fused, gated } = await run(queries[variant]);
      const rankIn = (list: readonly string[]) => {
        const i = list.indexOf(c.answer_page);
        return i < 0 ? null : i + 1;
      };
      ranks[variant] = { fused: rankIn(fused), gated: rankIn(gated) };
    }
    results.push({ id: c.id, lang: c.lang, turns: c.turns.length, queries, ranks });
  }
  return { conversations: conversations.length, metrics: metricsByGroup(results), results };
}

function metricsByGroup(results: readonly FollowUpResult[]): FollowUpReport['metrics'] {
  const groups: Array<[string, (r: FollowUpResult) => boolean]> = [
    ['all', () => true],
    ['lang:en', (r) => r.lang === 'en'],
    ['lang:zh', (r) => r.lang === 'zh'],
    ['turns:3', (r) => r.turns === 3],
  ];
  const out: FollowUpReport['metrics'] = {};
  for (const [name, keep] of groups) {
    const members = results.filter(keep);
    if (members.length === 0) continue;
    const of = (v: Variant) => ({
      fused: metricsOf(members.map((r) => r.ranks[v].fused)),
      gated: metricsOf(members.map((r) => r.ranks[v].gated)),
    });
    out[name] = Object.fromEntries(VARIANTS.map((v) => [v, of(v)])) as Record<
      Variant,
      { fused: Metrics; gated: Metrics }
    >;
  }
  return out;
}
