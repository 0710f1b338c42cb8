/**
 * An export file as the writer would produce it, made without going through capture (fast): `n`
 * sources on 40 sites, each linking to the one before, in the writer's order. For the round-trip
 * test and the export benchmark. Lines are yielded a few at a time so a large file can be written
 * to disk without being built whole in memory.
 */
export function* syntheticExportLines(n: number, textRepeat = 30): Generator<string> {
  const ids = Array.from({ length: n }, (_, i) => `src_${i.toString(16).padStart(32, '0')}`);
  const counts = { setting: 0, source: n, link: Math.max(0, n - 1), conversation: 0, message: 0 };
  yield `${JSON.stringify({ format: 'engram-export', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', counts })}\n`;
  for (const [i, id] of ids.entries()) {
    const url = `https://s${i % 40}.example.com/p/${i}`;
    yield `${JSON.stringify({
      type: 'source',
      id,
      kind: i % 50 === 0 ? 'note' : 'page',
      url,
      canonicalUrl: url,
      title: `Page ${i} — 第${i}页`,
      site: `s${i % 40}.example.com`,
      lang: 'en',
      text: `Text of page ${i}.\n\nMore text ${'lorem ipsum dolor '.repeat(i % textRepeat)}`,
      extractor: 'readability',
      origin: 'shortcut',
      savedAt: 1_700_000_000_000 + i,
      lastSeenAt: 1_700_000_000_000 + i * 2,
      seenCount: 1 + (i % 4),
      outLinks: i > 0 ? [`https://s${(i - 1) % 40}.example.com/p/${i - 1}`] : [],
    })}\n`;
  }
  // Links sort by their source's id, which these ids already do.
  for (let i = 1; i < n; i++) {
    yield `${JSON.stringify({ type: 'link', fromId: ids[i], toId: ids[i - 1], kind: 'hyperlink' })}\n`;
  }
  yield `${JSON.stringify({ type: 'end', counts })}\n`;
}

export const syntheticExport = (n: number): string => [...syntheticExportLines(n)].join('');
