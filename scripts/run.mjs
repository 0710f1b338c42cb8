// `npm start`: build Engram and open Chromium with it loaded, on a fresh profile.
//
//   npm start                      headful where there is a display, else headless
//   npm start -- --headless        headless: a guided tour that prints what it did, then exits
//   npm start -- --fixtures        use the small packaged test models (no model download)
//   npm start -- --profile DIR     keep the browser profile (your memory) in DIR
//
// Users' Google Chrome (137+) ignores --load-extension; there the unpacked folder is loaded over
// CDP (Extensions.loadUnpacked), the route web-ext takes. Chromium takes the flag.
//
// On a fresh clone node_modules does not exist yet: this file and ./setup.mjs import only Node's
// built-ins, and everything else is imported after ensureDependencies() has installed it.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BROWSER_FLAGS, ensureDependencies, findBrowser, ROOT, run } from './setup.mjs';

const { values: options } = parseArgs({
  options: {
    headless: {
      type: 'boolean',
      default: process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
    },
    fixtures: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});

ensureDependencies();
const { chromium } = await import('playwright-core');
const { guidedTour, TourError, TOUR_BROWSER_FLAGS } = await import('./tour.mjs');

const dist = resolve(ROOT, options.fixtures ? 'dist/chrome-fixtures' : 'dist/chrome');
run('npx', ['vite', 'build', '--outDir', dist], {
  env: { ...process.env, ENGRAM_FIXTURE_MODELS: options.fixtures ? '1' : '0' },
});

const executablePath = findBrowser({ install: true });
const branded = /google chrome/i.test(executablePath);
const profile = options.profile
  ? (mkdirSync(options.profile, { recursive: true }), resolve(options.profile))
  : mkdtempSync(join(tmpdir(), 'engram-profile-'));

console.log(`\nEngram: launching ${executablePath}`);
console.log(`  extension: ${dist}`);
console.log(`  profile:   ${profile}${options.profile ? '' : ' (fresh)'}`);
console.log(`  mode:      ${options.headless ? 'headless' : 'headful'}\n`);

const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: options.headless,
  viewport: null,
  ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
  args: [
    ...BROWSER_FLAGS,
    ...(options.headless ? TOUR_BROWSER_FLAGS : []),
    ...(branded
      ? ['--enable-unsafe-extension-debugging']
      : [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`]),
  ],
});
if (branded) {
  const session = await context.browser().newBrowserCDPSession();
  await session.send('Extensions.loadUnpacked', { path: dist });
}
const worker =
  context.serviceWorkers()[0] ??
  (await context.waitForEvent('serviceworker', { timeout: 30_000 }).catch(async (error) => {
    await context.close();
    throw new Error(`Chromium started, but Engram did not load in it within 30 s (${dist})`, {
      cause: error,
    });
  }));
const extensionId = new URL(worker.url()).host;
console.log(`Engram is loaded: chrome-extension://${extensionId}/ (shortcut: Alt+Shift+S)`);

// A fresh profile goes with the run, however it ends (on Ctrl+C Playwright closes the browser,
// then exits). Playwright's own exit handler, registered at launch, kills a browser still running.
if (!options.profile) {
  process.on('exit', () => {
    try {
      rmSync(profile, { recursive: true, force: true });
    } catch {
      // Something still writes there: leave it to the system's temp cleaning.
    }
  });
}
if (options.headless) {
  try {
    await guidedTour(context, extensionId);
    console.log(
      '\nThe tour is done. Run `npm start` where there is a display to use Engram yourself.',
    );
  } catch (error) {
    if (!(error instanceof TourError)) throw error;
    console.error(`\nThe tour stopped: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await context.close();
  }
} else {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  console.log('Browse, press Alt+Shift+S on a page to remember it, then ask from the toolbar.');
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  await new Promise((done) => context.on('close', done));
}
