/**
 * Download speed as an exponential moving average over time, and the time left at that speed.
 *
 * Network reads arrive in bursts (many in one millisecond, then none for a while), so bytes are
 * pooled over a short window before each sample; the average halves the weight of older samples
 * every `halfLifeMs`, so "3 minutes left" neither jumps with every read nor lags a changed network.
 */
export class TransferRate {
  private perMs = 0;
  private sampled = false;
  private windowStart: number | undefined;
  private windowBytes = 0;

  constructor(
    private readonly halfLifeMs = 5_000,
    private readonly windowMs = 500,
  ) {}

  /** Counts bytes that arrived by `now` (milliseconds, any monotonic clock). */
  add(bytes: number, now: number): void {
    if (this.windowStart === undefined) {
      // The first read only starts the clock: its bytes were in flight for an unknown time.
      this.windowStart = now;
      return;
    }
    this.windowBytes += bytes;
    const elapsed = now - this.windowStart;
    if (elapsed < this.windowMs) return;
    const instant = this.windowBytes / elapsed;
    if (this.sampled) {
      const weight = 1 - Math.pow(2, -elapsed / this.halfLifeMs);
      this.perMs += weight * (instant - this.perMs);
    } else {
      this.perMs = instant;
      this.sampled = true;
    }
    this.windowStart = now;
    this.windowBytes = 0;
  }

  /** Forgets the clock (not the speed): a pause, such as a retry after a dropped connection. */
  pause(): void {
    this.windowStart = undefined;
    this.windowBytes = 0;
  }

  get bytesPerSecond(): number {
    return this.perMs * 1000;
  }

  /** Seconds to fetch `remaining` bytes at the current speed; undefined until a speed is known. */
  secondsFor(remaining: number): number | undefined {
    if (remaining <= 0) return 0;
    if (!this.sampled || this.perMs <= 0) return undefined;
    return remaining / this.perMs / 1000;
  }
}
