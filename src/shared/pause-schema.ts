/**
 * The pause's zod schemas, in a module of their own that imports nothing of Engram's: the message
 * protocol (pause/set), the settings schema (the `pause` row) and shared/pause.ts all use them,
 * and pause.ts reads through settings.ts, which needs protocol.ts — so the schemas cannot live in
 * any of those without an import cycle (which a bundle may evaluate in the wrong order).
 */
import { z } from 'zod';

/** What the user picked: pause for an hour, until tomorrow, until resumed; or resume now. */
export const pauseChoice = z.enum(['hour', 'tomorrow', 'resume-manually', 'resume']);

/** The stored value: when the pause began, and when it ends (null: when resumed); null: no pause. */
export const pauseRecord = z
  .object({
    since: z.number().int().nonnegative(),
    until: z.number().int().nonnegative().nullable(),
  })
  .nullable();
