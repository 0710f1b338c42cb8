/**
 * Calendar arithmetic in a named time zone with nothing but Intl: a day is the user's local day
 * ("yesterday" at 00:30 in Shanghai is not yesterday in UTC). Dates are civil {y, m, d} values
 * (m 0-based) computed with Date.UTC, which never sees a DST jump; only the final conversion of
 * a local midnight to an instant asks the zone for its offset.
 */
export interface Civil {
  y: number;
  /** 0 = January. */
  m: number;
  d: number;
}

/** [from, to) in epoch milliseconds. */
export interface TimeRange {
  from: number;
  to: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      ...{ year: 'numeric', month: 'numeric', day: 'numeric' },
      ...{ hour: 'numeric', minute: 'numeric', second: 'numeric' },
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The system's zone, the default when the caller names none. */
export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Local wall-clock fields of instant `ms` in timeZone, as if they were UTC. */
function wallClock(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = Number(p.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The civil date of instant `ms` in timeZone. */
export function civilDate(ms: number, timeZone: string): Civil {
  const wall = new Date(wallClock(ms, timeZone));
  return { y: wall.getUTCFullYear(), m: wall.getUTCMonth(), d: wall.getUTCDate() };
}

/** Normalises overflowing fields: addDays({y, m, d: 0}) is the last day of the month before. */
export function civil(y: number, m: number, d: number): Civil {
  const t = new Date(Date.UTC(y, m, d));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate() };
}

export const addDays = (c: Civil, n: number): Civil => civil(c.y, c.m, c.d + n);

/** 0 = Monday … 6 = Sunday (weeks start on Monday, ISO 8601). */
export const weekday = (c: Civil): number =>
  (new Date(Date.UTC(c.y, c.m, c.d)).getUTCDay() + 6) % 7;

/** The instant of local midnight starting civil day c (offset re-read once across DST). */
export function startOfDay(c: Civil, timeZone: string): number {
  const guess = Date.UTC(c.y, c.m, c.d);
  const first = guess - (wallClock(guess, timeZone) - Math.floor(guess / 1000) * 1000);
  return guess - (wallClock(first, timeZone) - Math.floor(first / 1000) * 1000);
}

/** Civil days [start, start + days) as instants. */
export function days(start: Civil, count: number, timeZone: string): TimeRange {
  return { from: startOfDay(start, timeZone), to: startOfDay(addDays(start, count), timeZone) };
}

export const day = (c: Civil, tz: string): TimeRange => days(c, 1, tz);
export const week = (c: Civil, tz: string): TimeRange => days(addDays(c, -weekday(c)), 7, tz);

export function month(y: number, m: number, timeZone: string): TimeRange {
  const first = civil(y, m, 1);
  return { from: startOfDay(first, timeZone), to: startOfDay(civil(y, m + 1, 1), timeZone) };
}

export function year(y: number, timeZone: string): TimeRange {
  return {
    from: startOfDay(civil(y, 0, 1), timeZone),
    to: startOfDay(civil(y + 1, 0, 1), timeZone),
  };
}
