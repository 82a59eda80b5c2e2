import { afterEach, expect, it, vi } from 'vitest';
import { jsonLog } from './log';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it('writes one JSON object per line: the time, then level, event and the fields', () => {
  vi.useFakeTimers({ now: new Date('2026-11-28T12:00:00Z'), toFake: ['Date'] });
  const print = vi.spyOn(console, 'log').mockImplementation(() => {});
  jsonLog({ level: 'warn', event: 'ingest_failed', file_id: 'fil_1', message: 'line\nbreak' });
  expect(print).toHaveBeenCalledTimes(1);
  const text = String(print.mock.calls[0]?.[0]);
  expect(text).not.toContain('\n');
  expect(Object.entries(JSON.parse(text))).toEqual([
    ['time', '2026-11-28T12:00:00.000Z'],
    ['level', 'warn'],
    ['event', 'ingest_failed'],
    ['file_id', 'fil_1'],
    ['message', 'line\nbreak'],
  ]);
});
