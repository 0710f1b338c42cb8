/**
 * Whether a question asks for more of what the last answer was about ("What else did I read about
 * this?", "还读过哪些相关的？"), which the chat answers by following the graph one hop from the
 * sources that answer cited (engine/answer/what-else.ts). The patterns are reference-rules.ts's.
 */
import { WHAT_ELSE_PATTERNS } from './reference-rules';

export const asksWhatElse = (question: string): boolean =>
  WHAT_ELSE_PATTERNS.some((pattern) => pattern.test(question));
