import { describe, expect, it } from 'vitest';
import { createBackoff, createRunLimit, createWindowLimit } from './rate-limit';

function testClock() {
  let current = Date.parse('2026-11-28T12:00:00Z');
  return { now: () => new Date(current), advance: (ms: number) => (current += ms) };
}

describe('window limit', () => {
  it('allows `limit` events in the window, then says when the oldest one leaves it', () => {
    const clock = testClock();
    const limit = createWindowLimit({ limit: 3, windowMs: 10_000, now: clock.now });
    for (let event = 0; event < 3; event++) {
      expect(limit.retryAfter('a')).toBe(0);
      limit.record('a');
      clock.advance(1_000);
    }
    // Three events at 0 s, 1 s and 2 s; it is now 3 s, and the first leaves the window at 10 s.
    expect(limit.retryAfter('a')).toBe(7);
    expect(limit.retryAfter('b')).toBe(0);
    clock.advance(7_000);
    expect(limit.retryAfter('a')).toBe(0);
    limit.reset('a');
    expect(limit.size()).toBe(0);
  });

  it('sweeps keys whose events all left the window once it holds too many', () => {
    const clock = testClock();
    const limit = createWindowLimit({ limit: 1, windowMs: 1_000, now: clock.now, sweepAbove: 3 });
    for (let key = 0; key < 20; key++) {
      limit.record(`key-${key}`);
      clock.advance(600);
    }
    expect(limit.size()).toBeLessThanOrEqual(4);
  });
});

describe('backoff', () => {
  it('is free for the first events, then doubles the wait up to its cap, and forgets after the window', () => {
    const clock = testClock();
    const backoff = createBackoff({
      free: 2,
      baseSeconds: 1,
      maxSeconds: 4,
      windowMs: 60_000,
      now: clock.now,
    });
    const waits: number[] = [];
    for (let event = 0; event < 6; event++) {
      backoff.record('a');
      waits.push(backoff.retryAfter('a'));
    }
    expect(waits).toEqual([0, 1, 2, 4, 4, 4]);
    clock.advance(3_000);
    expect(backoff.retryAfter('a')).toBe(1);
    clock.advance(60_000);
    expect(backoff.retryAfter('a')).toBe(0);
    expect(backoff.size()).toBe(0);
  });
});

describe('run limit', () => {
  it('counts starts per minute per key', () => {
    const clock = testClock();
    const runs = createRunLimit({ perMinute: 2, concurrent: 10, now: clock.now });
    expect(runs.acquire('a')).toBe(0);
    clock.advance(20_000);
    expect(runs.acquire('a')).toBe(0);
    expect(runs.acquire('a')).toBe(40);
    expect(runs.acquire('b')).toBe(0);
    clock.advance(40_000);
    expect(runs.acquire('a')).toBe(0);
  });

  it('holds a key to its runs going at once until one finishes, without counting the refused start', () => {
    const clock = testClock();
    const runs = createRunLimit({ perMinute: 3, concurrent: 1, now: clock.now });
    expect(runs.acquire('a')).toBe(0);
    expect(runs.acquire('a')).toBe(5);
    expect(runs.acquire('a')).toBe(5);
    runs.finish('a');
    expect(runs.acquire('a')).toBe(0);
    runs.finish('a');
    // The third start of the minute: the two refusals were not counted as starts.
    expect(runs.acquire('a')).toBe(0);
    runs.finish('a');
    expect(runs.acquire('a')).toBe(60);
  });
});
