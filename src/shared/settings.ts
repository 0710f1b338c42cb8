/**
 * User settings, stored in the extension's IndexedDB (content scripts cannot reach it) and
 * validated with zod on every read: a missing or malformed value falls back to its default, with
 * the reason logged, so a bad row can never stop Engram from starting.
 */
import { z } from 'zod';
import type { EngramDb } from './db';
import { siteRule } from './protocol';
import {
  DEFAULT_EMBEDDING_MODEL,
  DEFAULT_GENERATION_MODEL,
  FIXTURE_EMBEDDING_MODEL,
  FIXTURE_GENERATION_MODEL,
  modelSpec,
} from './model-registry';

const registered = (task: 'embed' | 'generate') =>
  z.string().refine((id) => modelSpec(id)?.task === task, 'not a registered model for this task');

export const settingsSchema = {
  /**
   * Where model weights are downloaded from, in the Hugging Face hub's URL layout: the hub, unless
   * the build names another host (the hosted test flavour: a fixture host on 127.0.0.1).
   */
  modelHost: z.url({ protocol: /^https?$/ }).default(__ENGRAM_DEFAULT_MODEL_HOST__),
  /**
   * The user's rules per site (never / URL only / full), over the default blocklist (banks,
   * webmail, password managers, health portals, local addresses): core/privacy/site-policy.ts.
   */
  siteRules: z.array(siteRule).max(2_000).default([]),
  /**
   * How long the glimpse buffer keeps what stayed on screen, in minutes, where Engram has host
   * access to a page (content/glimpse-buffer.ts); 0 turns the buffer off.
   */
  glimpseMinutes: z.number().int().min(0).max(60).default(10),
  /** Automatic capture of pages actually read (opt-in: it needs host access, asked for then). */
  autoCapture: z.boolean().default(false),
  /** How long a page must be on screen to count as read, for automatic capture, in ms. */
  autoCaptureDwellMs: z.number().int().min(500).max(600_000).default(20_000),
  /** Read the text of same-origin frames in a page too (off: frames are skipped). */
  readFrames: z.boolean().default(false),
  /** Whether answers are written by the language model (else: the best passages, extractive). */
  generation: z.boolean().default(true),
  /** The models in use; the test builds default to the fixture models. */
  embeddingModel: registered('embed').default(
    __ENGRAM_FIXTURE_MODELS__ ? FIXTURE_EMBEDDING_MODEL : DEFAULT_EMBEDDING_MODEL,
  ),
  generationModel: registered('generate').default(
    __ENGRAM_FIXTURE_MODELS__ ? FIXTURE_GENERATION_MODEL : DEFAULT_GENERATION_MODEL,
  ),
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

/**
 * Like `readSetting`, but a stored value that does not parse throws instead of falling back to the
 * default: for the privacy settings, where a default (no user rules) could mean reading a site the
 * user ruled out. Capture fails closed on it. A row never written still reads as the default.
 */
export async function readSettingStrict<K extends SettingKey>(
  db: EngramDb,
  key: K,
): Promise<SettingValue<K>> {
  const row = await db.settings.get(key);
  const parsed = settingsSchema[key].safeParse(row?.value);
  if (parsed.success) return parsed.data as SettingValue<K>;
  throw new Error(
    `Engram could not read its "${key}" setting, so it saves nothing until it is fixed in Settings.`,
  );
}

export async function writeSetting<K extends SettingKey>(
  db: EngramDb,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  await db.settings.put({ key, value: settingsSchema[key].parse(value) });
}
