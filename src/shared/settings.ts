/**
 * User settings, stored in the extension's IndexedDB (content scripts cannot reach it) and
 * validated with zod on every read: a missing or malformed value falls back to its default, with
 * the reason logged, so a bad row can never stop Engram from starting.
 */
import { z } from 'zod';
import type { EngramDb } from './db';

export const settingsSchema = {
  /** Where model weights are downloaded from, in the Hugging Face hub's URL layout. */
  modelHost: z.url({ protocol: /^https?$/ }).default('https://huggingface.co/'),
  /** Whether answers are written by the language model (else: the best passages, extractive). */
  generation: z.boolean().default(true),
};

export type SettingKey = keyof typeof settingsSchema;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingsSchema)[K]>;

export async function readSetting<K extends SettingKey>(
  db: EngramDb,
  key: K,
): Promise<SettingValue<K>> {
  const schema = settingsSchema[key];
  const row = await db.settings.get(key);
  const parsed = schema.safeParse(row?.value);
  if (parsed.success) return parsed.data as SettingValue<K>;
  console.warn(
    `Engram: setting "${key}" is invalid (${parsed.error.issues[0]?.message}); using default`,
  );
  return schema.parse(undefined) as SettingValue<K>;
}

export async function writeSetting<K extends SettingKey>(
  db: EngramDb,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  await db.settings.put({ key, value: settingsSchema[key].parse(value) });
}
