/**
 * The knowledge graph for real (issue 14), in real Chromium with the fixtures build. Two articles
 * whose JSON-LD names their authors, one author on both (written "Dr. Mira Okonkwo" on one and
 * "MIRA OKONKWO" on the other), are served under public-looking host names and saved with the real
 * shortcut. The database then holds that author once, mentioned by both pages; the chat asked what
 * the user read by her cites both (her name is in neither article's text, only in the JSON-LD:
 * the graph finds them, keyword search cannot); forgetting one page
 * (`memory/forget`, as the library sends it) counts her once, and forgetting both leaves no trace of
 * her in the graph's tables.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sendFromPage } from './engine-messages';
import {
  askInPopup,
  finishedAnswer,
  launchEngram,
  pressRememberShortcut,
  putSetting,
  readTable,
  RealPopup,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
} from './harness';

const TIDES_HOST = 'tides.example-site.org';
const MILLS_HOST = 'mills.example-review.net';

function article(title: string, jsonLd: object, paragraphs: readonly string[]): string {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  const ld = JSON.stringify(jsonLd);
  return `<!doctype html><html lang="en"><head><title>${title}</title><script type="application/ld+json">${ld}</script></head><body><article><h1>${title}</h1>\n${body}</article></body></html>`;
}

const TIDES = article(
  'Reading the tides of the Halvard estuary',
  {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Reading the tides of the Halvard estuary',
    author: { '@type': 'Person', name: 'Dr. Mira Okonkwo' },
    about: { '@type': 'Organization', name: 'Halvard Tidal Institute' },
  },
  [
    'The Halvard estuary floods twice a day, and its spring tides reach the old quay.',
    'Researchers at the Halvard Tidal Institute measure the estuary with floating gauges.',
    'A tide table for the estuary is printed every winter and pinned in the harbour office.',
  ],
);
const MILLS = article(
  'Tide mills along the northern coast',
  {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: 'Tide mills along the northern coast',
    author: [
      { '@type': 'Person', name: 'MIRA OKONKWO' },
      { '@type': 'Person', name: 'Teodor Vask' },
    ],
  },
  [
    'Tide mills stored the rising sea in a pond and ground grain as the water ran out.',
    'Along the northern coast a few tide mills still turn for visitors on summer weekends.',
    'Millers timed their work by the tides, grinding at night when the ebb came late.',
  ],
);

async function serveArticles(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const html = (req.headers.host ?? '').startsWith(TIDES_HOST) ? TIDES : MILLS;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as { port: number }).port };
}

interface Entity {
  id: string;
  kind: string;
  name: string;
  key: string;
  aliases?: string[];
  sourceCount: number;
}
interface Mention {
  sourceId: string;
  entityId: string;
  role?: string;
}

describe('the knowledge graph for real', () => {
  const profile = tempProfile();
  let served: { server: Server; port: number };
  let engram: Engram;

  beforeAll(async () => {
    served = await serveArticles();
    engram = await launchEngram(profile.dir, undefined, {
      args: [`--host-resolver-rules=MAP ${TIDES_HOST} 127.0.0.1, MAP ${MILLS_HOST} 127.0.0.1`],
    });
    await engram.context.route(
      (url) => [TIDES_HOST, MILLS_HOST].includes(url.hostname),
      (route) => route.continue(),
    );
    // Extractive answers: the citations are what is tested, not the writing.
    await putSetting(engram, 'generation', false);
  }, 60_000);

  afterAll(async () => {
    await engram?.close();
    served?.server.close();
    profile.remove();
  });

  async function saveWithShortcut(host: string, title: string): Promise<string> {
    const tab = await engram.context.newPage();
    await tab.goto(`http://${host}:${served.port}/article`, { waitUntil: 'load' });
    await tab.bringToFront();
    await pressRememberShortcut(tab);
    const source = await waitFor(
      `"${title}" to be indexed`,
      async () =>
        (await storedSources(engram)).find(
          (s) => s.kind === 'page' && s.title.includes(title) && s.status === 'indexed',
        ),
      60_000,
    );
    await tab.close();
    return source.id;
  }

  const okonkwo = async () =>
    (await readTable<Entity>(engram, 'entities')).filter((e) => e.key === 'mira okonkwo');
  const mentionsOf = async (entityId: string) =>
    (await readTable<Mention>(engram, 'mentions')).filter((m) => m.entityId === entityId);

  async function forget(page: Page, sourceId: string): Promise<void> {
    await sendFromPage(page, 'background', 'engine/ensure', {});
    await sendFromPage(page, 'engine', 'memory/forget', { sourceIds: [sourceId] });
  }

  test('an author on two pages is one entity; forgetting the pages takes it back', async () => {
    const tides = await saveWithShortcut(TIDES_HOST, 'Reading the tides');
    const mills = await saveWithShortcut(MILLS_HOST, 'Tide mills');

    const [author, ...more] = await okonkwo();
    expect(more).toEqual([]);
    expect(author).toMatchObject({ kind: 'person', sourceCount: 2 });
    // The first page's form is the name; the second's (its capitals folded by the cleaner) an alias.
    expect(author).toMatchObject({ name: 'Dr. Mira Okonkwo', aliases: ['Mira Okonkwo'] });
    const mentions = await mentionsOf(author!.id);
    expect(mentions.map((m) => m.sourceId).sort()).toEqual([tides, mills].sort());
    expect(mentions.every((m) => m.role === 'author')).toBe(true);
    const entities = await readTable<Entity>(engram, 'entities');
    expect(entities.find((e) => e.key === 'teodor vask')).toMatchObject({ sourceCount: 1 });
    expect(entities.find((e) => e.key === 'halvard tidal institute')).toMatchObject({
      kind: 'organisation',
      sourceCount: 1,
    });
    // Co-authors co-occur.
    const edges = await readTable<{ a: string; b: string; weight: number }>(engram, 'entityEdges');
    const vask = entities.find((e) => e.key === 'teodor vask')!.id;
    expect(edges.some((e) => [e.a, e.b].sort().join() === [author!.id, vask].sort().join())).toBe(
      true,
    );

    // Issue 14, in the chat: a question naming her brings both pages.
    const tab = await engram.context.newPage();
    await tab.goto(`http://${MILLS_HOST}:${served.port}/article`, { waitUntil: 'load' });
    const popup = await RealPopup.open(engram, tab);
    try {
      await askInPopup(popup, 'What did I read by Mira Okonkwo?');
      const answer = await finishedAnswer(popup, 1);
      expect(answer.status).toBe('done');
      expect(answer.citations.map((c) => c.sourceId).sort()).toEqual([tides, mills].sort());
    } finally {
      await popup.close();
      await tab.close();
    }

    const settings = await engram.context.newPage();
    await settings.goto(`chrome-extension://${engram.extensionId}/settings.html`);
    await forget(settings, tides);
    const [left] = await okonkwo();
    expect(left).toMatchObject({ id: author!.id, sourceCount: 1 });
    expect((await mentionsOf(author!.id)).map((m) => m.sourceId)).toEqual([mills]);
    expect(
      (await readTable<Entity>(engram, 'entities')).some(
        (e) => e.key === 'halvard tidal institute',
      ),
    ).toBe(false);

    await forget(settings, mills);
    expect(await okonkwo()).toEqual([]);
    const graph = JSON.stringify([
      await readTable(engram, 'entities'),
      await readTable(engram, 'mentions'),
      await readTable(engram, 'entityEdges'),
    ]).toLowerCase();
    expect(graph).not.toContain('okonkwo');
    expect(graph).not.toContain('vask');
  }, 180_000);
});
