import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  formatDay,
  isIsoDate,
  monthEnd,
  monthStart,
  trailingDays,
  trailingMonths,
} from './dates';

describe('calendar dates', () => {
  it('knows which texts are days of the calendar', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    // Date.parse accepts these; the calendar does not.
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate('2026-01-05T00:00:00Z')).toBe(false);
  });

  it('moves by days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-28', -364)).toBe('2025-11-29');
  });

  it('moves by months, clamping the day to the shorter month', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('gives trailing windows with both ends included', () => {
    expect(trailingDays('2026-11-28', 7)).toEqual({ from: '2026-11-22', to: '2026-11-28' });
    expect(trailingMonths('2026-11-28', 12)).toEqual({ from: '2025-11-29', to: '2026-11-28' });
    expect(trailingMonths('2026-03-31', 1)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('names month ends and days for people', () => {
    expect(monthStart(2026, 2)).toBe('2026-02-01');
    expect(monthEnd(2024, 2)).toBe('2024-02-29');
    expect(monthEnd(2026, 2)).toBe('2026-02-28');
    expect(formatDay('2025-12-01')).toBe('1 Dec 2025');
  });
});
