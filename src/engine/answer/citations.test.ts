import { expect, test } from 'vitest';
import type { ChunkRow, SourceRow } from '../../shared/db';
import { citationsFor } from './citations';

test('the quote is the sentence that answered, and the text fragment targets it', () => {
  const text =
    'Raspberry Pi 3 review. It arrived in a small box with a short leaflet inside. ' +
    'The board uses a quad-core ARM Cortex-A53 processor at 1.2 GHz.';
  const source = {
    id: 'src_1',
    kind: 'page',
    url: 'https://example.com/pi',
    title: 'Raspberry Pi 3',
    site: 'example.com',
    savedAt: 0,
    text,
  } as unknown as SourceRow;
  const chunk = { id: 'src_1#0', sourceId: 'src_1', ord: 0, text } as unknown as ChunkRow;
  const [citation] = citationsFor(
    [{ source, chunks: [chunk], score: 1, relevance: 1 }],
    'Which processor is on the board?',
  );
  expect(citation?.quote).toBe('The board uses a quad-core ARM Cortex-A53 processor at 1.2 GHz.');
  expect(citation?.href).toContain('#:~:text=The%20board%20uses');
});
