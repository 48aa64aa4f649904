import { jqlDateTime, updatedSinceLiteral } from '../../../src/domain/jql-date';
import { parseDateLiteral } from '../../sandbox/jira/jql/dates';

const at = (iso: string) => Date.parse(iso);
const minutes = (n: number) => n * 60_000;

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
  test('is a period back from now: the minutes since the last sync plus the skew, rounded up', () => {
    expect(updatedSinceLiteral({ sinceMs: at('2026-11-20T09:00:00Z'), nowMs: at('2026-11-20T10:30:20Z'), skewMs: minutes(5) })).toEqual({
      literal: '-96m',
      fromMs: at('2026-11-20T08:54:20Z'),
    });
  });

  test('looks back at least a minute, even when the clocks disagree about which came first', () => {
    expect(updatedSinceLiteral({ sinceMs: at('2026-11-20T10:00:00Z'), nowMs: at('2026-11-20T09:00:00Z'), skewMs: minutes(5) }).literal).toBe('-1m');
  });

  // Jira reads the literal in the caller's profile zone (the simulator does too); the app may not know
  // that zone, and in a fall-back hour a wall-clock time means two instants.
  test.each(['UTC', 'Australia/Sydney', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'reaches back to the same instant however Jira reads it (%s)',
    (zone) => {
      const nowMs = at('2026-11-20T10:30:00Z');
      const sinceMs = at('2026-11-20T09:00:00Z');
      const { literal } = updatedSinceLiteral({ sinceMs, nowMs, skewMs: minutes(5) });
      expect(parseDateLiteral(literal, new Date(nowMs), zone)).toBe(at('2026-11-20T08:55:00Z'));
    },
  );

  test('covers a sync made in the hour Los Angeles repeats when DST ends (1 Nov 2026, 01:00–02:00 twice)', () => {
    // First 01:30 (PDT) = 08:30 UTC. A clock-time literal "2026-11-01 01:25" is read as the second 01:25 (PST).
    const sinceMs = at('2026-11-01T08:30:00Z');
    const nowMs = at('2026-11-01T09:40:00Z');
    const { literal } = updatedSinceLiteral({ sinceMs, nowMs, skewMs: minutes(5) });
    const readFrom = parseDateLiteral(literal, new Date(nowMs), 'America/Los_Angeles') as number;
    expect(readFrom).toBeLessThanOrEqual(sinceMs - minutes(5));
    expect(parseDateLiteral(jqlDateTime(sinceMs - minutes(5), 'America/Los_Angeles') as string, new Date(nowMs), 'America/Los_Angeles')).toBe(
      at('2026-11-01T09:25:00Z'),
    );
  });

  test('refuses instants that are not numbers', () => {
    expect(() => updatedSinceLiteral({ sinceMs: NaN, nowMs: 0, skewMs: 0 })).toThrow(RangeError);
  });
});
