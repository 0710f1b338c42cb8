/**
 * The list's store and messaging (list-data.ts), loaded after the first paint: every call that
 * needs them goes through `listData()`, which loads the module once.
 */
import { useEffect } from 'preact/hooks';

export const listData = () => import('./list-data');
export type ListData = Awaited<ReturnType<typeof listData>>;

/**
 * Subscribes with `subscribe` once the store is loaded, while `wanted`; unsubscribes on cleanup
 * (also when the page went away before the store was in).
 */
export function useLaterSubscription(
  wanted: boolean,
  subscribe: (data: ListData) => () => void,
): void {
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    let stop: (() => void) | undefined;
    void listData().then((data) => {
      if (live) stop = subscribe(data);
    });
    return () => {
      live = false;
      stop?.();
    };
    // `subscribe` is the caller's constant wiring; only `wanted` changes what is subscribed.
  }, [wanted]);
}
