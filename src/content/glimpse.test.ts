import { describe, expect, it } from 'vitest';
import { articleText, healthPage } from '../../tests/content/health-page';
import { htmlDocument } from '../../tests/content/helpers';
import { buildGlimpse } from './glimpse';

describe('a glimpse without host access', () => {
  it('holds the content on screen, not the menus beside it', () => {
    const doc = htmlDocument(healthPage(true));
    for (const el of doc.querySelectorAll('*')) {
      el.getBoundingClientRect = () =>
        ({ top: 100, bottom: 140, height: 40, left: 0, right: 600, width: 600 }) as DOMRect;
    }
    const glimpse = buildGlimpse(doc, { innerHeight: 800, innerWidth: 1_200 }, undefined);
    expect(glimpse).toEqual({ seen: [], now: articleText, buffered: false });
  });
});
