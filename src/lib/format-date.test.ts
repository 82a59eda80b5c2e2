import { describe, expect, it } from 'vitest';
import {
  formatDay,
  formatInstant,
  formatInstantDay,
  formatIsoDay,
  formatMonth,
  formatRecent,
} from './format-date';

// Noon UTC falls on the same calendar day in every time zone from UTC−11 to UTC+11, so the instant tests hold
// wherever they run; only the clock time depends on the zone.
const NOON = '2026-11-29T12:00:00Z';

describe('calendar days from the data', () => {
  it('shows a day as stored, in UTC, whatever the time of a timestamp', () => {
    expect(formatDay('2026-11-29')).toBe('Nov 29, 2026');
    expect(formatDay('2026-01-01T23:59:59Z')).toBe('Jan 1, 2026');
    expect(formatDay('2026-01-01T00:00:00Z')).toBe('Jan 1, 2026');
  });

  it('shows a month, a missing day as a dash and text that is no date as it came', () => {
    expect(formatMonth('2026-02-01')).toBe('Feb 2026');
    expect(formatMonth('2026-12-31T23:00:00Z')).toBe('Dec 2026');
    expect(formatDay(null)).toBe('—');
    expect(formatDay('latest')).toBe('latest');
  });
});

describe('instants', () => {
  it('shows the day and the time where the viewer is', () => {
    expect(formatInstantDay(NOON)).toBe('Nov 29, 2026');
    expect(formatInstant(NOON)).toMatch(/^Nov 29, 2026, \d{1,2}:\d{2}\s[AP]M$/);
    expect(formatRecent(NOON)).toMatch(/^Nov 29, \d{1,2}:\d{2}\s[AP]M$/);
  });

  it('says never-set instants with a dash, and gives an ISO day for text a machine reads', () => {
    expect(formatInstant(null)).toBe('—');
    expect(formatInstantDay(null)).toBe('—');
    expect(formatIsoDay('2026-12-08T23:30:00-05:00')).toBe('2026-12-09');
    expect(formatIsoDay(null)).toBeNull();
    expect(formatIsoDay('soon')).toBeNull();
  });
});
