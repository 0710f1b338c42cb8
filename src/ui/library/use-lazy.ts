/**
 * A part of the page loaded when first wanted: the item's page (the title editor brings the
 * redactor's rules) and the export buttons (the zip writer) are not needed for the list's first
 * screen (issue 12: first items on screen ≤ 300 ms), so they are not in its modules.
 */
import { useEffect, useState } from 'preact/hooks';

export function useLazy<T>(wanted: boolean, load: () => Promise<T>): T | undefined {
  const [loaded, setLoaded] = useState<{ value: T }>();
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    void load().then((value) => live && setLoaded({ value }));
    return () => {
      live = false;
    };
    // `load` is a constant import() of the caller's.
  }, [wanted, loaded]);
  return loaded?.value;
}
