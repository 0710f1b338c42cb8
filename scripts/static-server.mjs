// A static file server on 127.0.0.1 at a random port, for fixture pages (tests and the tour).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

/** @param {string} dir @returns {Promise<{origin: string, close(): Promise<void>}>} */
export async function serveFolder(dir) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/plain' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The page server has no address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    // The browser keeps its connections alive: without closing them, close() waits them out.
    close: () =>
      new Promise((done) => {
        server.close(() => done(undefined));
        server.closeAllConnections();
      }),
  };
}

/**
 * Press Alt+Shift+S as a person does: a raw key event with a native key code, which (unlike
 * page.keyboard.press) reaches chrome.commands. See BROWSER_TESTING.md.
 * @param {import('playwright-core').Page} page
 */
export async function pressRememberShortcut(page) {
  const cdp = await page.context().newCDPSession(page);
  const key = { key: 'S', code: 'KeyS', windowsVirtualKeyCode: 83, nativeVirtualKeyCode: 83 };
  const modifiers = 1 | 8; // Alt | Shift
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', modifiers, ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers, ...key });
  await cdp.detach();
}
