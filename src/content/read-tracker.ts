/**
 * When a page counts as actually read, for automatic capture (issue 5): on screen (the tab
 * visible) for the dwell threshold (20 s by default, a setting), or scrolled through at least one
 * screen and on screen for a quarter of the threshold. Pure: the page watcher feeds it times.
 */
export class ReadTracker {
  private visibleMs = 0;
  private visibleSince: number | undefined;
  private scrolledPx = 0;

  constructor(private readonly thresholdMs: number) {}

  show(t: number): void {
    this.visibleSince ??= t;
  }

  hide(t: number): void {
    if (this.visibleSince === undefined) return;
    this.visibleMs += Math.max(0, t - this.visibleSince);
    this.visibleSince = undefined;
  }

  scrolled(px: number): void {
    this.scrolledPx += Math.abs(px);
  }

  /** Time on screen so far, ms. */
  onScreenMs(t: number): number {
    return (
      this.visibleMs + (this.visibleSince === undefined ? 0 : Math.max(0, t - this.visibleSince))
    );
  }

  isRead(t: number, viewportHeight: number): boolean {
    const shown = this.onScreenMs(t);
    if (shown >= this.thresholdMs) return true;
    return viewportHeight > 0 && this.scrolledPx >= viewportHeight && shown >= this.thresholdMs / 4;
  }
}
