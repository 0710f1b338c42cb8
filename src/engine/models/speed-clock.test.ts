import { afterEach, expect, test, vi } from 'vitest';
import { estimateTokens } from '../../core/text/tokenize';
import { SpeedClock } from './speed-clock';

afterEach(() => vi.restoreAllMocks());

test('measures prefill per prompt token and the time per token after the first', () => {
  const times = [1_000, 1_400, 1_450, 1_500, 1_550];
  vi.spyOn(performance, 'now').mockImplementation(() => times.shift() ?? 0);
  const clock = new SpeedClock([{ role: 'user', content: 'one two three four' }]);
  for (let i = 0; i < 4; i++) clock.token();
  const speed = clock.speed();
  expect(speed?.msPerToken).toBe(50);
  // 400 ms before the first token, shared by the prompt's tokens.
  expect(speed?.prefillMsPerToken).toBeCloseTo(400 / estimateTokens('one two three four'));
});

test('a run with fewer than two new tokens tells nothing', () => {
  const clock = new SpeedClock([{ role: 'user', content: 'hello' }]);
  clock.token();
  expect(clock.speed()).toBeUndefined();
});
