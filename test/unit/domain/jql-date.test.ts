import { jqlDateTime, updatedSinceLiteral } from '../../../src/domain/jql-date';

const at = (iso: string) => Date.parse(iso);

describe('jqlDateTime', () => {
  test.each([
    { instant: '2026-11-20T09:07:59.999Z', zone: 'UTC', literal: '2026-11-20 09:07' },
    { instant: '2026-11-20T09:07:00.000Z', zone: 'Europe/Berlin', literal: '2026-11-20 10:07' },
    { instant: '2026-07-20T09:07:00.000Z', zone: 'Europe/Berlin', literal: '2026-07-20 11:07' },
    { instant: '2026-11-20T02:30:00.000Z', zone: 'America/Los_Angeles', literal: '2026-11-19 18:30' },
    { instant: '2026-12-31T23:59:00.000Z', zone: 'Pacific/Kiritimati', literal: '2027-01-01 13:59' },
    { instant: '2026-11-20T00:00:00.000Z', zone: 'UTC', literal: '2026-11-20 00:00' },
  ])('writes $instant in $zone as $literal', ({ instant, zone, literal }) => {
    expect(jqlDateTime(at(instant), zone)).toBe(literal);
  });

  test('knows no made-up time zone', () => {
    expect(jqlDateTime(at('2026-11-20T09:00:00Z'), 'Mars/Olympus')).toBeUndefined();
  });
});

describe('updatedSinceLiteral', () => {
  test('looks back by the skew, in the user’s time zone', () => {
    expect(updatedSinceLiteral({ sinceMs: at('2026-11-20T09:00:00Z'), skewMs: 5 * 60_000, timeZone: 'Europe/Berlin' })).toEqual({
      literal: '2026-11-20 09:55',
      fromMs: at('2026-11-20T08:55:00Z'),
    });
  });

  test.each([undefined, 'Mars/Olympus'])('without a usable time zone (%s), writes UTC and looks back 12 hours more', (timeZone) => {
    expect(updatedSinceLiteral({ sinceMs: at('2026-11-20T09:00:00Z'), skewMs: 5 * 60_000, ...(timeZone ? { timeZone } : {}) })).toEqual({
      literal: '2026-11-19 20:55',
      fromMs: at('2026-11-19T20:55:00Z'),
    });
  });
});
