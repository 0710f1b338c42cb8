/**
 * The graph page's entity lives in the URL hash (`#/entity/<id>`), so an entity page can be
 * linked from the library and a citation, bookmarked, and left with Back.
 */
import { useEffect, useState } from 'preact/hooks';

export const entityHash = (id: string): string => `#/entity/${encodeURIComponent(id)}`;

/** The address of an entity's page, for links from other pages of the extension. */
export const entityPageUrl = (id: string): string => `graph.html${entityHash(id)}`;

export function entityOf(hash: string): string | undefined {
  const match = /^#\/entity\/(.+)$/.exec(hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

export function useEntityRoute(): string | undefined {
  const [id, setId] = useState(() => entityOf(location.hash));
  useEffect(() => {
    const onChange = () => setId(entityOf(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return id;
}

export function openEntity(id: string): void {
  if (entityOf(location.hash) !== id) location.hash = entityHash(id);
}

export function closeEntity(): void {
  location.hash = '#/';
}
