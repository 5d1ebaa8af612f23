import { describe, expect, it } from 'vitest';
import { todayIso } from './format';
import { todayInNL } from './municipality/edit/validation';

describe('todayIso', () => {
  it('is the date in the Netherlands, whatever the browser time zone', () => {
    // 23:30 UTC on 1 December is already 2 December in Amsterdam (UTC+1); in summer UTC+2.
    expect(todayIso(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
    expect(todayIso(new Date('2026-12-01T22:59:00Z'))).toBe('2026-12-01');
    expect(todayIso(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
  });

  it('is the same day the edit forms date a new event (so the map shows it at once)', () => {
    const nearMidnight = new Date('2026-12-01T23:57:40Z');
    expect(todayIso(nearMidnight)).toBe(todayInNL(nearMidnight));
  });
});
