/**
 * Which settings travel in an export, and how an imported one joins the settings already here.
 * Left out: what belongs to this browser rather than to the user's choices (the pause, the
 * embedding model whose vectors this profile holds, the consent to download models here, and
 * automatic capture, which needs host access granted in this browser first).
 */
import type { z } from 'zod';
import type { EngramDb } from '../db';
import { readSetting, settingsSchema, writeSetting, type SettingKey } from '../settings';

export const EXPORTED_SETTINGS = [
  'autoCaptureDwellMs',
  'embeddingModel',
  'generation',
  'generationModel',
  'glimpseMinutes',
  'modelHost',
  'modelIdleMinutes',
  'readFrames',
  'siteRules',
] as const satisfies readonly SettingKey[];
export type ExportedSetting = (typeof EXPORTED_SETTINGS)[number];

export const isExportedSetting = (key: string): key is ExportedSetting =>
  (EXPORTED_SETTINGS as readonly string[]).includes(key);

/** Why an imported setting's value is refused, or undefined when it parses. */
export function settingProblem(key: ExportedSetting, value: unknown): string | undefined {
  const parsed = (settingsSchema[key] as z.ZodType).safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.') || key}: ${issue.message}` : key;
}

type Rule = { pattern: string; policy: 'never' | 'url-only' | 'full' };
const STRICTNESS = { never: 2, 'url-only': 1, full: 0 } as const;

/**
 * Site rules merge: every pattern of both, and where both have a rule for the same pattern the
 * stricter one, so an import can never open a site the user had closed. Sorted by pattern.
 */
export function mergeSiteRules(here: readonly Rule[], imported: readonly Rule[]): Rule[] {
  const byPattern = new Map<string, Rule>();
  for (const rule of [...here, ...imported]) {
    const known = byPattern.get(rule.pattern);
    if (!known || STRICTNESS[rule.policy] > STRICTNESS[known.policy]) {
      byPattern.set(rule.pattern, { pattern: rule.pattern, policy: rule.policy });
    }
  }
  return [...byPattern.values()].sort((a, b) => (a.pattern < b.pattern ? -1 : 1));
}

/** Writes an imported setting: the site rules merge, any other setting takes the file's value. */
export async function importSetting(
  db: EngramDb,
  key: ExportedSetting,
  value: unknown,
): Promise<void> {
  if (key === 'siteRules') {
    const rules = settingsSchema.siteRules.parse(value);
    await writeSetting(db, 'siteRules', mergeSiteRules(await readSetting(db, 'siteRules'), rules));
    return;
  }
  await writeSetting(db, key, settingsSchema[key].parse(value) as never);
}
