import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TransferRate } from './transfer-rate';

/** Feeds `bytesPerRead` every `everyMs` from `from` to `to`; returns the clock at the end. */
function feed(rate: TransferRate, bytesPerRead: number, everyMs: number, from: number, to: number) {
  let now = from;
  for (; now <= to; now += everyMs) rate.add(bytesPerRead, now);
  return now;
}

describe('TransferRate', () => {
  it('knows no speed and no time left before a full window has passed', () => {
    const rate = new TransferRate();
    expect(rate.secondsFor(1000)).toBeUndefined();
    rate.add(5000, 0);
    rate.add(5000, 100);
    expect(rate.secondsFor(1000)).toBeUndefined();
    expect(rate.secondsFor(0)).toBe(0);
  });

  it('measures a steady speed exactly and the time left from it', () => {
    const rate = new TransferRate();
    feed(rate, 10_000, 100, 0, 5_000); // 10 kB per 100 ms = 100 kB/s
    expect(rate.bytesPerSecond).toBeCloseTo(100_000, 6);
    expect(rate.secondsFor(1_000_000)).toBeCloseTo(10, 6);
  });

  it('does not count the bytes of the first read, which had no start time', () => {
    const rate = new TransferRate();
    rate.add(8 * 1024 * 1024, 0); // a whole chunk that was already buffered
    feed(rate, 1000, 100, 100, 2_000);
    expect(rate.bytesPerSecond).toBeCloseTo(10_000, 6);
  });

  it('follows a slower network within a few half-lives, without jumping at once', () => {
    const rate = new TransferRate(1_000);
    let now = feed(rate, 100_000, 100, 0, 5_000); // 1 MB/s
    now = feed(rate, 10_000, 100, now, now + 500); // 100 kB/s for half a second
    const midway = rate.bytesPerSecond;
    expect(midway).toBeLessThan(1_000_000);
    expect(midway).toBeGreaterThan(500_000);
    feed(rate, 10_000, 100, now, now + 10_000); // ten half-lives later: within 1%
    expect(Math.abs(rate.bytesPerSecond - 100_000)).toBeLessThan(1_000);
  });

  it('ignores the time spent paused', () => {
    const rate = new TransferRate();
    const now = feed(rate, 10_000, 100, 0, 2_000);
    rate.pause();
    feed(rate, 10_000, 100, now + 60_000, now + 62_000);
    expect(rate.bytesPerSecond).toBeCloseTo(100_000, 6);
  });

  it('never gives a negative or infinite time left', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1_000_000), fc.nat(2_000)), { maxLength: 50 }),
        fc.nat(),
        (reads, remaining) => {
          const rate = new TransferRate();
          let now = 0;
          for (const [bytes, gap] of reads) rate.add(bytes, (now += gap));
          const eta = rate.secondsFor(remaining);
          if (eta !== undefined) {
            expect(eta).toBeGreaterThanOrEqual(0);
            expect(Number.isFinite(eta)).toBe(true);
          }
        },
      ),
    );
  });
});
