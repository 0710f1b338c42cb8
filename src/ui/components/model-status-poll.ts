/**
 * The engine's status, asked every second while a page shows it: indexing counts and where the
 * models run live in the engine's memory, not in IndexedDB, so there is nothing to observe.
 * An engine that is not running has nothing to report: the last answer stays until it does.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../shared/messaging';
import type { EngineStatus } from '../../shared/protocol';

export function useEngineStatus(intervalMs = 1_000): EngineStatus | undefined {
  const [status, setStatus] = useState<EngineStatus>();
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const next = await send('engine/status', {});
        if (!stopped) setStatus(next);
      } catch {
        // Not running (yet): the header says what the models table says meanwhile.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [intervalMs]);
  return status;
}
