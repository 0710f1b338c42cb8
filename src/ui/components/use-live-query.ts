/**
 * Dexie's `liveQuery` as a Preact hook. Dexie notifies across contexts of the same origin
 * (BroadcastChannel), so the popup sees the engine's writes from the offscreen document as they
 * happen: the UI is a pure view of IndexedDB.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export interface LiveResult<T> {
  /** Undefined until the first result of the current query, then its latest result. */
  value: T | undefined;
  error: string | undefined;
}

export function useLiveQuery<T>(
  query: () => T | Promise<T>,
  deps: readonly unknown[],
): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ value: undefined, error: undefined });
  useEffect(() => {
    // A new query shows nothing until its own first result: the previous query's rows (another
    // conversation) must never be shown as this one's.
    setResult({ value: undefined, error: undefined });
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ value, error: undefined }),
      error: (error: unknown) =>
        setResult((last) => ({ value: last.value, error: describeError(error) })),
    });
    return () => subscription.unsubscribe();
    // The caller's deps say when the query changes, as with useEffect itself.
  }, deps);
  return result;
}

const describeError = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
