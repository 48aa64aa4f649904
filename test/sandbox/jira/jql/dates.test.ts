import { APP, asUser, bodyOf, demoSimulator, issueNamed, jql, send } from '../simulator-kit';
import type { SearchPage } from '../simulator-kit';
import { DEMO_USERS } from '../../demo';
import { evaluateDateFunction, firstDayOfWeekFor, fromWallMs, parseDateLiteral, toMinute } from './dates';
import { ALICE, NOW, buildContext, buildTestSite, buildUser } from './test-site';
import { parseJql, searchIssues } from '.';

const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('parseDateLiteral (now is Wednesday 2025-03-12 10:30 UTC)', () => {
  it.each<[string, number]>([
    ['2025-03-01', at('2025-03-01T00:00:00Z')],
    ['2025/03/01', at('2025-03-01T00:00:00Z')],
    ['2025-3-1', at('2025-03-01T00:00:00Z')],
    ['2025-03-01 14:05', at('2025-03-01T14:05:00Z')],
    ['2025/03/01 9:05', at('2025-03-01T09:05:00Z')],
    ['2024-02-29', at('2024-02-29T00:00:00Z')],
    ['-5d', NOW.getTime() - 5 * DAY],
    ['4w 2d', NOW.getTime() + 30 * DAY],
    ['-4h', NOW.getTime() - 4 * 60 * MINUTE],
    ['-15m', NOW.getTime() - 15 * MINUTE],
    ['+1w', NOW.getTime() + 7 * DAY],
    ['-2w', NOW.getTime() - 14 * DAY],
  ])('reads %p', (text, expected) => {
    expect(parseDateLiteral(text, NOW)).toBe(expected);
  });

  it.each([
    ['a day past the month’s end', '2025-02-30'],
    ['a thirteenth month', '2025-13-01'],
    ['a 24th hour', '2025-03-01 24:00'],
    ['mixed separators', '2025-03/01'],
    ['a word', 'yesterday'],
    ['a month period, which only functions take', '-1M'],
    ['a two-digit year', '25-03-01'],
    ['an ISO timestamp', '2025-03-01T10:00:00Z'],
  ])('refuses %s', (_, text) => {
    expect(parseDateLiteral(text, NOW)).toBeUndefined();
  });
});

describe('evaluateDateFunction (now is Wednesday 2025-03-12 10:30 UTC)', () => {
  it.each<[string, string[], 0 | 1, string]>([
    ['now', [], 0, '2025-03-12T10:30:00.000Z'],
    ['startOfDay', [], 0, '2025-03-12T00:00:00.000Z'],
    ['startOfDay', ['-7d'], 0, '2025-03-05T00:00:00.000Z'],
    ['startOfDay', ['-1'], 0, '2025-03-11T00:00:00.000Z'],
    ['startOfDay', ['+1'], 0, '2025-03-13T00:00:00.000Z'],
    ['startOfDay', ['-4h'], 0, '2025-03-11T20:00:00.000Z'],
    ['endOfDay', [], 0, '2025-03-12T23:59:59.999Z'],
    ['endOfDay', ['-1'], 0, '2025-03-11T23:59:59.999Z'],
    ['startOfWeek', [], 0, '2025-03-09T00:00:00.000Z'],
    ['startOfWeek', [], 1, '2025-03-10T00:00:00.000Z'],
    ['startOfWeek', ['-1'], 0, '2025-03-02T00:00:00.000Z'],
    ['endOfWeek', [], 0, '2025-03-15T23:59:59.999Z'],
    ['endOfWeek', [], 1, '2025-03-16T23:59:59.999Z'],
    ['startOfMonth', [], 0, '2025-03-01T00:00:00.000Z'],
    ['startOfMonth', ['-1'], 0, '2025-02-01T00:00:00.000Z'],
    ['startOfMonth', ['-1M'], 0, '2025-02-01T00:00:00.000Z'],
    ['startOfMonth', ['+14d'], 0, '2025-03-15T00:00:00.000Z'],
    ['endOfMonth', [], 0, '2025-03-31T23:59:59.999Z'],
    ['endOfMonth', ['-1'], 0, '2025-02-28T23:59:59.999Z'],
    ['startOfYear', [], 0, '2025-01-01T00:00:00.000Z'],
    ['endOfYear', [], 0, '2025-12-31T23:59:59.999Z'],
    ['startOfYear', ['-1'], 0, '2024-01-01T00:00:00.000Z'],
    ['STARTOFDAY', [], 0, '2025-03-12T00:00:00.000Z'],
  ])('evaluates %s(%p) with weeks starting on day %p', (name, args, firstDay, expected) => {
    expect(evaluateDateFunction(name, args, NOW, firstDay)).toEqual({ ok: true, ms: at(expected) });
  });

  it('moves a month-end by whole months, whatever the months’ lengths', () => {
    const endOfApril = new Date('2025-04-15T00:00:00Z');
    expect(evaluateDateFunction('endOfMonth', ['-1'], endOfApril, 0)).toEqual({
      ok: true,
      ms: at('2025-03-31T23:59:59.999Z'),
    });
  });

  it.each<[string, string[], 'arity' | 'duration']>([
    ['now', ['1'], 'arity'],
    ['startOfDay', ['1', '2'], 'arity'],
    ['startOfDay', ['soon'], 'duration'],
    ['startOfDay', ['1x'], 'duration'],
  ])('refuses %s(%p)', (name, args, error) => {
    expect(evaluateDateFunction(name, args, NOW, 0)).toEqual({ ok: false, error });
  });
});

describe('firstDayOfWeekFor', () => {
  it.each<[string | undefined, 0 | 1]>([
    ['en_US', 0],
    ['en-US', 0],
    ['ja_JP', 0],
    ['en_GB', 1],
    ['de_DE', 1],
    ['fr', 0],
    [undefined, 0],
  ])('starts weeks for %p on day %p', (locale, expected) => {
    expect(firstDayOfWeekFor(locale)).toBe(expected);
  });
});

describe('toMinute', () => {
  it('drops seconds and milliseconds', () => {
    expect(toMinute(at('2025-03-12T10:30:59.999Z'))).toBe(at('2025-03-12T10:30:00.000Z'));
  });
});

describe('dates in the caller’s time zone', () => {
  it.each<[string, string, string]>([
    ['2026-11-20 09:45', 'Australia/Sydney', '2026-11-19T22:45:00Z'],
    ['2026/11/20', 'Australia/Sydney', '2026-11-19T13:00:00Z'],
    ['2026-07-20 09:45', 'Australia/Sydney', '2026-07-19T23:45:00Z'],
    ['2026-11-20 09:45', 'America/Los_Angeles', '2026-11-20T17:45:00Z'],
    ['2026/11/20', 'America/Los_Angeles', '2026-11-20T08:00:00Z'],
    ['2026-07-20', 'America/Los_Angeles', '2026-07-20T07:00:00Z'],
    ['2026-11-20 09:45', 'UTC', '2026-11-20T09:45:00Z'],
  ])('reads %p in %s as %s', (text, zone, expected) => {
    expect(parseDateLiteral(text, NOW, zone)).toBe(at(expected));
  });

  it('reads a time the spring-forward skips (Sydney, 4 Oct 2026, 02:00 → 03:00) an hour on, as Java’s lenient calendar does', () => {
    expect(parseDateLiteral('2026-10-04 02:30', NOW, 'Australia/Sydney')).toBe(at('2026-10-03T16:30:00Z'));
    expect(parseDateLiteral('2026-10-04 03:30', NOW, 'Australia/Sydney')).toBe(at('2026-10-03T16:30:00Z'));
  });

  it('reads a time the fall-back repeats (Sydney, 5 Apr 2026, 03:00 → 02:00) as the later one, in standard time', () => {
    expect(parseDateLiteral('2026-04-05 02:30', NOW, 'Australia/Sydney')).toBe(at('2026-04-04T16:30:00Z'));
    expect(fromWallMs(at('2026-04-05T01:59:00Z'), 'Australia/Sydney')).toBe(at('2026-04-04T14:59:00Z'));
    expect(fromWallMs(at('2026-04-05T03:00:00Z'), 'Australia/Sydney')).toBe(at('2026-04-04T17:00:00Z'));
  });

  it('keeps a relative period zone-free: a duration back from now', () => {
    expect(parseDateLiteral('-90m', NOW, 'Australia/Sydney')).toBe(NOW.getTime() - 90 * MINUTE);
    expect(parseDateLiteral('-1d', NOW, 'America/Los_Angeles')).toBe(NOW.getTime() - DAY);
  });

  it.each<[string, string[], string, string, 0 | 1, string]>([
    // NOW is 21:30 on Wednesday 12 March in Sydney (UTC+11) and 03:30 the same day in Los Angeles (UTC−7).
    ['startOfDay', [], '2025-03-12T10:30:00Z', 'Australia/Sydney', 1, '2025-03-11T13:00:00.000Z'],
    ['endOfDay', [], '2025-03-12T10:30:00Z', 'Australia/Sydney', 1, '2025-03-12T12:59:59.999Z'],
    ['startOfDay', [], '2025-03-12T10:30:00Z', 'America/Los_Angeles', 0, '2025-03-12T07:00:00.000Z'],
    ['startOfWeek', [], '2025-03-12T10:30:00Z', 'Australia/Sydney', 1, '2025-03-09T13:00:00.000Z'],
    ['startOfMonth', [], '2025-02-28T20:00:00Z', 'Australia/Sydney', 1, '2025-02-28T13:00:00.000Z'],
    ['startOfYear', [], '2025-12-31T20:00:00Z', 'Australia/Sydney', 1, '2025-12-31T13:00:00.000Z'],
    // Los Angeles springs forward on 9 March 2025: yesterday began at UTC−8, today at UTC−7.
    ['startOfDay', ['-1'], '2025-03-10T12:00:00Z', 'America/Los_Angeles', 0, '2025-03-09T08:00:00.000Z'],
    ['startOfDay', [], '2025-03-10T12:00:00Z', 'America/Los_Angeles', 0, '2025-03-10T07:00:00.000Z'],
    // Sydney falls back on 5 April 2026: that day is 25 hours long.
    ['startOfDay', [], '2026-04-05T05:00:00Z', 'Australia/Sydney', 1, '2026-04-04T13:00:00.000Z'],
    ['endOfDay', [], '2026-04-05T05:00:00Z', 'Australia/Sydney', 1, '2026-04-05T13:59:59.999Z'],
    ['startOfDay', ['+1d'], '2026-04-05T05:00:00Z', 'Australia/Sydney', 1, '2026-04-05T14:00:00.000Z'],
    ['startOfMonth', ['-1'], '2026-04-15T00:00:00Z', 'Australia/Sydney', 1, '2026-02-28T13:00:00.000Z'],
  ])('evaluates %s(%p) at %s in %s', (name, args, now, zone, firstDay, expected) => {
    expect(evaluateDateFunction(name, args, new Date(now), firstDay, zone)).toEqual({ ok: true, ms: at(expected) });
  });
});

describe('a search reads dates in the searcher’s zone', () => {
  const inZone = (timeZone: string) => {
    const site = buildTestSite();
    site.users = site.users.map((u) => (u.accountId === ALICE ? buildUser({ timeZone }) : u));
    return buildContext({ site });
  };
  const keys = (text: string, ctx: ReturnType<typeof buildContext>) =>
    searchIssues(parseJql(text), ctx.site.issues, ctx).map((i) => i.key).sort();

  it('moves “created today” with the user’s day, not UTC’s', () => {
    // NOW is 10:30 UTC: 21:30 in Sydney, whose day began at 13:00 UTC the day before.
    // THR-4 was created at 23:59 UTC on 11 March: yesterday in UTC, 10:59 today in Sydney.
    expect(keys('created >= startOfDay()', inZone('UTC'))).toEqual(['THR-5']);
    expect(keys('created >= startOfDay()', inZone('Australia/Sydney'))).toEqual(['THR-4', 'THR-5']);
    // Los Angeles: 03:30 on 12 March, its day began at 07:00 UTC.
    expect(keys('created >= startOfDay()', inZone('America/Los_Angeles'))).toEqual(['THR-5']);
    expect(keys('created >= startOfDay(-1)', inZone('America/Los_Angeles'))).toEqual(['THR-4', 'THR-5']);
  });

  it('reads a literal in the user’s zone: the same text is 19 hours apart in Sydney and Los Angeles', () => {
    const site = buildTestSite();
    const issue = site.issues[0]!;
    // Created 2025-03-01 20:00 UTC: 07:00 on 2 March in Sydney, 12:00 on 1 March in Los Angeles.
    issue.created = '2025-03-01T20:00:00.000Z';
    const search = (timeZone: string) => {
      const ctx = inZone(timeZone);
      ctx.site.issues = site.issues;
      return keys(`key = ${issue.key} AND created >= "2025-03-02 00:00"`, ctx);
    };
    expect(search('Australia/Sydney')).toEqual([issue.key]);
    expect(search('UTC')).toEqual([]);
    expect(search('America/Los_Angeles')).toEqual([]);
  });
});

describe('the simulator reads each caller’s dates in their zone', () => {
  // The demo's admin lives in Sydney (UTC+11 in November), the app user in Los Angeles (UTC−8).
  it('answers the same literal differently for a Sydney user, a Berlin user and the app', async () => {
    const sim = demoSimulator();
    const issue = issueNamed(sim.site, 'THR-1');
    issue.updated = '2026-11-19T23:30:00.000Z'; // 10:30 on 20 Nov in Sydney, 00:30 in Berlin, 15:30 on 19 Nov in LA
    const found = async (caller: Parameters<typeof send>[1]['caller']) =>
      bodyOf<SearchPage>(
        await send(sim, { path: `/rest/api/3/search/jql?jql=${jql('key = THR-1 AND updated >= "2026-11-20 09:00"')}`, caller }),
      ).issues.length;
    expect(sim.site.users.find((u) => u.accountId === DEMO_USERS.admin)?.timeZone).toBe('Australia/Sydney');
    expect(await found(asUser('admin'))).toBe(1);
    expect(await found(asUser('productManager'))).toBe(0);
    expect(await found(APP)).toBe(0);
  });

  it('reads the app’s startOfDay() in the app user’s zone, not UTC', async () => {
    const sim = demoSimulator();
    const issue = issueNamed(sim.site, 'THR-1');
    // The demo's now is 2026-11-20 09:00 UTC = 01:00 in Los Angeles: the app user's day began at 08:00 UTC.
    issue.updated = '2026-11-20T08:30:00.000Z';
    const response = await send(sim, { path: `/rest/api/3/search/jql?jql=${jql('key = THR-1 AND updated >= startOfDay()')}`, caller: APP });
    expect(bodyOf<SearchPage>(response).issues).toHaveLength(1);
    const asBerliner = await send(sim, {
      path: `/rest/api/3/search/jql?jql=${jql('key = THR-1 AND updated >= startOfDay()')}`,
      caller: asUser('productManager'),
    });
    // Berlin's day began at 23:00 UTC the evening before: the same update is today there too.
    expect(bodyOf<SearchPage>(asBerliner).issues).toHaveLength(1);
  });
});
