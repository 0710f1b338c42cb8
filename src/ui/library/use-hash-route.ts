/**
 * The library's views live in the URL hash (`#/` the list, `#/item/<id>` a source), so Back and
 * Forward move between them and an item's page can be bookmarked or reloaded.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route = { view: 'list' } | { view: 'item'; id: string };

export function routeOf(hash: string): Route {
  const match = /^#\/item\/(.+)$/.exec(hash);
  return match?.[1] ? { view: 'item', id: decodeURIComponent(match[1]) } : { view: 'list' };
}

export const itemHash = (id: string): string => `#/item/${encodeURIComponent(id)}`;

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Back to the list: the history's previous entry when it is the list, else a new one. */
export function backToList(): void {
  const state = history.state as { fromList?: boolean } | null;
  if (routeOf(location.hash).view === 'item' && state?.fromList) {
    history.back();
  } else {
    location.hash = '#/';
  }
}

/** Opens a source's page, remembering that Back returns to the list. */
export function openItem(id: string): void {
  history.pushState({ fromList: routeOf(location.hash).view === 'list' }, '', itemHash(id));
  dispatchEvent(new HashChangeEvent('hashchange'));
}
