/**
 * Screenshots of the library (issue 12) for a look by eye: the list and an item's page, light and
 * dark, in English and Chinese, plus the popup header with its Library button, written to
 * /tmp/ux-library/. Needs the fixtures build.
 *
 *   npx tsx scripts/ux/library-screens.ts
 */
import { mkdirSync } from 'node:fs';
import { launchEngram, tempProfile } from '../../tests/e2e/harness';
import { manySources, seedSources } from '../../tests/e2e/library-seed';

const OUT = '/tmp/ux-library';
mkdirSync(OUT, { recursive: true });

for (const lang of ['en-US', 'zh-CN']) {
  const profile = tempProfile();
  const engram = await launchEngram(profile.dir, undefined, { args: [`--lang=${lang}`] });
  try {
    const now = Date.now();
    const rows = manySources(60, now, 50 * 60_000);
    Object.assign(rows[0]!, {
      title:
        lang === 'zh-CN' ? '潮汐池里的海葵与小螃蟹' : 'Anemones and small crabs in tidal pools',
      text: 'Tidal pools hold anemones and small crabs at low tide.\n\nThe water warms in the sun; the crabs hide under the rocks until the tide returns.\n\nVisitors should step only on bare rock.',
      read: [
        { start: 0, end: 54 },
        { start: 56, end: 138 },
      ],
      seenCount: 3,
      lastSeenAt: now - 5 * 60_000,
    });
    Object.assign(rows[1]!, {
      status: 'failed',
      error: 'The page broke the extractor (out of memory)',
      job: true,
    });
    Object.assign(rows[2]!, { status: 'pending', heldUntil: now + 60_000, kind: 'glimpse' });
    Object.assign(rows[3]!, { status: 'pending', job: true, kind: 'selection' });
    Object.assign(rows[4]!, {
      kind: 'note',
      url: '',
      title: 'Buy more flour for the sourdough starter',
    });
    Object.assign(rows[5]!, { extractor: 'pdf', title: 'Annual report 2026.pdf' });
    Object.assign(rows[6]!, {
      extractor: 'youtube-transcript',
      title: 'How glaciers move (transcript)',
    });
    Object.assign(rows[7]!, { kind: 'image' });
    Object.assign(rows[8]!, { kind: 'link' });
    await seedSources(engram.sw, rows);

    const popup = await engram.context.newPage();
    await popup.setViewportSize({ width: 400, height: 560 });
    await popup.goto(`chrome-extension://${engram.extensionId}/popup.html`);
    await popup.waitForSelector('[data-testid=open-library]');
    await popup.screenshot({ path: `${OUT}/${lang}-popup-light.png` });
    await popup.close();

    const page = await engram.context.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(`chrome-extension://${engram.extensionId}/library.html`);
    await page.waitForSelector('[data-testid=library-row]');
    await page.waitForSelector('[data-testid=library-count][data-count="60"]');
    await page.click(`[data-id=${rows[3]!.id}] .lib-check`);
    await page.click(`[data-id=${rows[5]!.id}] .lib-check`, { modifiers: ['Shift'] });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${OUT}/${lang}-list-${scheme}.png` });
    }
    await page.click('[data-testid=forget-open]');
    await page.waitForSelector('[data-testid=confirm-dialog]');
    await page.screenshot({ path: `${OUT}/${lang}-forget-dark.png` });
    await page.keyboard.press('Escape');
    await page.click(`[data-id=${rows[0]!.id}] .lib-title`);
    await page.waitForSelector('[data-testid=item-page]');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${OUT}/${lang}-item-${scheme}.png` });
    }
    await page.setViewportSize({ width: 520, height: 800 });
    await page.goBack();
    await page.waitForSelector('[data-testid=library-list]');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${OUT}/${lang}-list-narrow.png` });
  } finally {
    await engram.close();
    profile.remove();
  }
}
console.log(`screenshots in ${OUT}`);
