/** Saving a served page the way a user does: open it in a tab and press the real shortcut. */
import {
  pressRememberShortcut,
  storedSources,
  waitFor,
  type Engram,
  type StoredSource,
} from './harness';

/** Opens `url`, saves it with the shortcut and waits until the page titled `title` is indexed. */
export async function saveWithShortcut(
  engram: Engram,
  url: string,
  title: string,
  timeoutMs = 90_000,
): Promise<StoredSource> {
  const tab = await engram.context.newPage();
  try {
    await tab.goto(url, { waitUntil: 'load' });
    await tab.bringToFront();
    await pressRememberShortcut(tab);
    return await waitFor(
      `"${title}" to be indexed`,
      async () =>
        (await storedSources(engram)).find(
          (s) => s.kind === 'page' && s.title.includes(title) && s.status === 'indexed',
        ),
      timeoutMs,
    );
  } finally {
    await tab.close();
  }
}
