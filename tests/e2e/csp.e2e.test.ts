/**
 * The extension pages' Content Security Policy, in real Chromium (issue 11). The manifest's policy
 * (src/shared/model-hosts.ts) lets the engine reach only the model hosts; the pages people see
 * narrow it to no network at all. A local server records every request it gets: an image or a
 * fetch from a page, or a fetch by the engine to a host that is not a model host, must be
 * blocked before it leaves the browser (a `securitypolicyviolation` fires, the server sees
 * nothing), while the extension's own files, `data:` images and a loopback model host still work.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askEngine } from './engine-messages';
import { FIXTURE_DIST, launchEngram, tempProfile, waitFor, type Engram } from './harness';

/** A public-looking name the browser resolves to the recording server. */
const OTHER_HOST = 'cdn.example-site.com';
const PAGES = ['popup', 'sidepanel', 'settings', 'welcome', 'library', 'graph', 'voice'];
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';

describe('the extension pages CSP', () => {
  const profile = tempProfile();
  const seen: string[] = [];
  let server: Server;
  let port = 0;
  let engram: Engram;

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(`${request.headers.host ?? ''}${request.url ?? ''}`);
      response.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    port = address.port;
    engram = await launchEngram(profile.dir, FIXTURE_DIST, {
      args: [`--host-resolver-rules=MAP ${OTHER_HOST} 127.0.0.1`],
    });
  });

  afterAll(async () => {
    await engram?.close();
    await new Promise((done) => server?.close(done));
    profile.remove();
  });

  test('the pages people see load no image and fetch nothing from another host', async () => {
    for (const name of PAGES) {
      const page = await engram.context.newPage();
      // Violations from the page's own start too (zod's eval probe would be one), not only ours.
      await page.addInitScript(() => {
        const early: string[] = [];
        (globalThis as typeof globalThis & { earlyViolations?: string[] }).earlyViolations = early;
        document.addEventListener('securitypolicyviolation', (event) =>
          early.push(`${event.effectiveDirective} ${event.blockedURI}`),
        );
      });
      await page.goto(`chrome-extension://${engram.extensionId}/${name}.html`);
      // Let the page start: read its settings and memory, render.
      await page.waitForTimeout(500);
      expect(
        await page.evaluate(
          () =>
            (globalThis as typeof globalThis & { earlyViolations?: string[] }).earlyViolations ??
            'no init script',
        ),
        name,
      ).toEqual([]);
      const result = await page.evaluate(
        async ({ base, gif }) => {
          const violations: string[] = [];
          document.addEventListener('securitypolicyviolation', (event) => {
            violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
          });
          const image = (src: string) =>
            new Promise<string>((resolve) => {
              const img = new Image();
              img.onload = () => resolve('loaded');
              img.onerror = () => resolve('blocked');
              img.src = src;
            });
          const get = (url: string) =>
            fetch(url).then(
              (response) => (response.ok ? 'fetched' : 'failed'),
              () => 'blocked',
            );
          const result = {
            remoteImage: await image(`${base}/pixel.png`),
            dataImage: await image(gif),
            remoteFetch: await get(`${base}/data.json`),
            ownFile: await get('/manifest.json'),
          };
          // The violation events are queued as tasks: let them arrive.
          await new Promise((resolve) => setTimeout(resolve, 200));
          return { ...result, violations };
        },
        { base: `http://127.0.0.1:${port}`, gif: GIF },
      );
      expect(result, name).toMatchObject({
        remoteImage: 'blocked',
        dataImage: 'loaded',
        remoteFetch: 'blocked',
        ownFile: 'fetched',
      });
      expect(result.violations, name).toEqual([
        `img-src http://127.0.0.1:${port}/pixel.png`,
        `connect-src http://127.0.0.1:${port}/data.json`,
      ]);
      await page.close();
    }
    expect(seen).toEqual([]);
  });

  test('the engine reaches a loopback model host, and no host outside the list', async () => {
    await waitFor('the engine', () =>
      askEngine(engram.sw, 'engine/status').then(
        () => true,
        () => undefined,
      ),
    );
    // engine/pdf-text makes the engine fetch a URL itself: the one request it makes on demand.
    const fetchFrom = (url: string) =>
      askEngine(engram.sw, 'engine/pdf-text', { url }).then(
        () => 'read',
        (error: unknown) => String(error),
      );
    expect(await fetchFrom(`http://${OTHER_HOST}:${port}/paper.pdf`)).toMatch(/no access/);
    expect(seen).toEqual([]);
    // The control: loopback is in the list (self-hosted models, the tests' model host).
    await fetchFrom(`http://127.0.0.1:${port}/paper.pdf`);
    expect(seen).toEqual([`127.0.0.1:${port}/paper.pdf`]);
  });

  test('the settings page refuses a model host the policy would block, and says why', async () => {
    const page = await engram.context.newPage();
    await page.goto(`chrome-extension://${engram.extensionId}/settings.html`);
    const field = page.getByTestId('model-host');
    await field.fill('https://models.example.com/');
    await page.getByTestId('save-model-host').click();
    await expect
      .poll(() => page.getByTestId('model-host-error').textContent())
      .toMatch(/only from https:\/\/huggingface\.co, https:\/\/hf-mirror\.com.*security policy/);
    await field.fill('https://hf-mirror.com/');
    await page.getByTestId('save-model-host').click();
    await page.getByTestId('model-host-saved').waitFor();
    await page.close();
  });
});
