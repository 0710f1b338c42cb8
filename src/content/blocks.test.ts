import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleText, healthPage } from '../../tests/content/health-page';
import {
  blocksOnScreen,
  blockText,
  contentBlocksUnder,
  isOnScreen,
  isTextBlock,
  textBlocks,
} from './blocks';

describe('text blocks', () => {
  it('are the innermost paragraphs, items and headings, never form fields', () => {
    const { document } = parseHTML(`<!doctype html><html><body>
      <h1>Title</h1>
      <ul><li><p>Item paragraph</p></li><li>Plain item</li></ul>
      <div contenteditable="true"><p>Draft being typed</p></div>
      <p>Closing words</p></body></html>`);
    const texts = textBlocks(document.body as unknown as ParentNode).map((el) => el.textContent);
    expect(texts).toEqual(['Title', 'Item paragraph', 'Plain item', 'Closing words']);
    const [list] = document.querySelectorAll('ul') as unknown as Element[];
    expect(isTextBlock(list!)).toBe(false);
    expect(isTextBlock(document.querySelector('h1') as unknown as Element)).toBe(true);
  });

  it('count as on screen when half of them shows, or they fill half the screen', () => {
    expect(isOnScreen(50, 100, 800)).toBe(true);
    expect(isOnScreen(49, 100, 800)).toBe(false);
    expect(isOnScreen(400, 3_000, 800)).toBe(true);
    expect(isOnScreen(0, 100, 800)).toBe(false);
  });

  it('on screen now: the blocks whose rectangles are in the viewport', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><p>Above</p><p>In view</p><p>Below</p></body></html>',
    );
    const tops: Record<string, number> = { Above: -500, 'In view': 100, Below: 900 };
    for (const p of document.querySelectorAll('p')) {
      const top = tops[p.textContent ?? ''] ?? 0;
      (p as unknown as { getBoundingClientRect(): object }).getBoundingClientRect = () => ({
        top,
        bottom: top + 100,
        height: 100,
        left: 0,
        right: 600,
      });
    }
    const view = { innerHeight: 800, innerWidth: 1_200 };
    expect(blocksOnScreen(document.body as unknown as ParentNode, view)).toEqual(['In view']);
  });

  it('say nothing when the browser does not paint them (visibility, opacity, display)', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><p id="shown">Shown</p><p id="hidden">RT hidden</p></body></html>',
    );
    const asked: unknown[] = [];
    const paint = (id: string, painted: boolean) =>
      Object.assign(document.getElementById(id) as object, {
        checkVisibility: (options: unknown) => (asked.push(options), painted),
      }) as unknown as Element;
    expect(blockText(paint('shown', true))).toBe('Shown');
    expect(blockText(paint('hidden', false))).toBe('');
    expect(asked).toContainEqual({ checkOpacity: true, checkVisibilityCSS: true });
  });

  it('of the content, under a root and the root itself: what the page watcher observes', () => {
    const { document } = parseHTML(healthPage(true));
    const body = document.body as unknown as Element;
    const texts = (els: Element[]) => els.map((el) => el.textContent?.trim());
    expect(texts(contentBlocksUnder(body))).toEqual(articleText);
    // A block added on its own (a mutation's root) is judged by where it landed.
    const item = document.querySelector('ul.conditions li') as unknown as Element;
    expect(contentBlocksUnder(item)).toEqual([]);
    const h1 = document.querySelector('h1') as unknown as Element;
    expect(texts(contentBlocksUnder(h1))).toEqual(['Hay fever']);
  });
});
