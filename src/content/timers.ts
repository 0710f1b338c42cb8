/** Timeouts that one owner can cancel together when it stops (a watcher on a page it leaves). */
export class Timers {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();

  /** Run `fn` after `ms`, unless `clear` comes first. */
  later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, ms);
    this.pending.add(timer);
  }

  clear(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
