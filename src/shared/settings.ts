/**
 * User settings, and the few records kept beside them, stored in the extension's IndexedDB
 * (content scripts cannot reach it) as one `settings` row per key. This module is the only way to
 * read or write one: every key has a zod schema with its default here, and every read validates.
 *
 * - `readSetting`: a missing or malformed value falls back to its default, with the reason logged,
 *   so a bad row can never stop Engram from starting.
 * - `readSettingStrict`: a malformed value throws (`SettingUnreadableError`) instead, for what must
 *   fail closed: the site rules and the pause (shared/pause.ts), where a default could mean reading
 *   a page the user ruled out.
 * - `writeSetting`: validates, then writes the row.
 */
import './zod-setup';
import { z } from 'zod';
import type { EngramDb } from './db';
import { isAllowedModelHost } from './model-hosts';
import { pauseRecord } from './pause-schema';
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
   * the build names another host (the hosted test flavour: a fixture host on 127.0.0.1). Only the
   * hosts the extension's CSP lets the engine reach (shared/model-hosts.ts): a stored host outside
   * them, which every download would fail on, falls back to the default.
   */
  modelHost: z
    .url({ protocol: /^https?$/ })
    .refine(isAllowedModelHost, 'not a model host the extension may download from')
    .default(__ENGRAM_DEFAULT_MODEL_HOST__),
  /**
   * The user's rules per site (never / URL only / full), over the default blocklist (banks,
   * webmail, password managers, health portals, local addresses): core/privacy/site-policy.ts.
   * Capture reads it with `readSettingStrict`.
   */
  siteRules: z.array(siteRule).max(2_000).default([]),
  /**
   * Whether capture is paused, and until when (shared/pause.ts, read with `readSettingStrict`: an
   * unparseable row counts as paused).
   */
  pause: pauseRecord.default(null),
  /**
   * How long the glimpse buffer keeps what stayed on screen, in minutes, where Engram has host
   * access to a page (content/glimpse-buffer.ts); 0 turns the buffer off.
   */
  glimpseMinutes: z.number().int().min(0).max(60).default(10),
  /**
   * Whether the engine may download model files (issue 10): 'ask' until the user agrees, on the
   * welcome page, the popup or Settings; until then only files already on this device load, and
   * keyword search and extractive answers work without models. The build sets the default.
   */
  modelDownloads: z.enum(['ask', 'allowed']).default(__ENGRAM_MODEL_DOWNLOADS__),
  /** Automatic capture of pages actually read (opt-in: it needs host access, asked for then). */
  autoCapture: z.boolean().default(false),
  /** How long a page must be on screen to count as read, for automatic capture, in ms. */
  autoCaptureDwellMs: z.number().int().min(500).max(600_000).default(20_000),
  /**
   * "You have seen this before" (issue 14): the toolbar and the side panel say when an opened
   * page was kept before, or its title names someone the user read about (background/
   * seen-before.ts). On by default: it reads only what Engram already keeps.
   */
  seenBefore: z.boolean().default(true),
  /** Read the text of same-origin frames in a page too (off: frames are skipped). */
  readFrames: z.boolean().default(false),
  /** Whether answers are written by the language model (else: the best passages, extractive). */
  generation: z.boolean().default(true),
  /** The models chosen by the user; the test builds default to the fixture models. */
  embeddingModel: registered('embed').default(
    __ENGRAM_FIXTURE_MODELS__ ? FIXTURE_EMBEDDING_MODEL : DEFAULT_EMBEDDING_MODEL,
  ),
  generationModel: registered('generate').default(
    __ENGRAM_FIXTURE_MODELS__ ? FIXTURE_GENERATION_MODEL : DEFAULT_GENERATION_MODEL,
  ),
  /**
   * The embedding model whose vectors search uses now (written by the engine, not the user). It
   * differs from `embeddingModel` while memory is re-embedded after a switch
   * (engine/ingest/reembed.ts); undefined before the engine first started.
   */
  activeEmbeddingModel: z.string().min(1).optional(),
  /**
   * How far the engine has come in giving sources kept before the knowledge graph (issue 14) their
   * people, organisations, places and ideas (engine/ingest/graph-backfill.ts): the last source id
   * done, in id order, and `done` once every source was looked at. Written by the engine.
   */
  graphBackfill: z
    .strictObject({ after: z.string().min(1).optional(), done: z.boolean() })
    .default({ done: false }),
  /**
   * Minutes a model may sit unused before it is unloaded to free memory (it reloads from the cache
   * when next needed); 0 keeps models loaded. Ten minutes: a chat session keeps its models, an
   * afternoon of browsing does not hold hundreds of MB for nothing.
   */
  modelIdleMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(10),
  /**
   * Test builds only (the fixtures' tiny model ends its fixed reply after 53 tokens, too fast to
   * stop by hand): the fewest tokens the language model writes before it may end an answer, so an
   * end-to-end test can press Stop while it writes (tests/e2e/conversations.e2e.test.ts). Read by
   * the engine at start; the shipped build ignores it (engine/engine.ts).
   */
  generationMinTokens: z.number().int().min(0).max(100_000).default(0),
};

export type SettingKey = keyof typeof settingsSchema;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingsSchema)[K]>;

/** A stored setting that does not parse, from `readSettingStrict`. */
export class SettingUnreadableError extends Error {
  override name = 'SettingUnreadableError';
  constructor(readonly key: SettingKey) {
    super(
      // i18n-exempt: never shown; capture-policy.ts turns it into the settings-unreadable refusal
      `Engram could not read its "${key}" setting, so it saves nothing until it is fixed in Settings.`,
    );
  }
}

type Parsed<K extends SettingKey> =
  { ok: true; value: SettingValue<K> } | { ok: false; reason: string | undefined };

function parse<K extends SettingKey>(key: K, stored: unknown): Parsed<K> {
  const parsed = settingsSchema[key].safeParse(stored);
  return parsed.success
    ? { ok: true, value: parsed.data as SettingValue<K> }
    : { ok: false, reason: parsed.error.issues[0]?.message };
}

function orDefault<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const parsed = parse(key, stored);
  if (parsed.ok) return parsed.value;
  console.warn(`Engram: setting "${key}" is invalid (${parsed.reason}); using default`);
  return settingsSchema[key].parse(undefined) as SettingValue<K>;
}

export async function readSetting<K extends SettingKey>(
  db: EngramDb,
  key: K,
): Promise<SettingValue<K>> {
  return orDefault(key, (await db.settings.get(key))?.value);
}

/** Several settings in one read, each as `readSetting` reads it. */
export async function readSettings<K extends SettingKey>(
  db: EngramDb,
  keys: readonly K[],
): Promise<{ [P in K]: SettingValue<P> }> {
  const rows = await db.settings.bulkGet([...keys]);
  return Object.fromEntries(keys.map((key, i) => [key, orDefault(key, rows[i]?.value)])) as {
    [P in K]: SettingValue<P>;
  };
}

/**
 * Like `readSetting`, but a stored value that does not parse throws `SettingUnreadableError`
 * instead of falling back to the default: for the privacy settings, where a default (no user
 * rules, no pause) could mean reading a site the user ruled out. Capture fails closed on it. A row
 * never written still reads as the default; a database that cannot be read throws its own error.
 */
export async function readSettingStrict<K extends SettingKey>(
  db: EngramDb,
  key: K,
): Promise<SettingValue<K>> {
  const parsed = parse(key, (await db.settings.get(key))?.value);
  if (parsed.ok) return parsed.value;
  throw new SettingUnreadableError(key);
}

export async function writeSetting<K extends SettingKey>(
  db: EngramDb,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  await db.settings.put({ key, value: settingsSchema[key].parse(value) });
}
