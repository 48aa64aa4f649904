/**
 * Jira's points-based rate limits (routes/rate-limits.ts): a request costs 1 point plus 1 per
 * object it returns, a write only 1; armed, a spent hourly quota or a burst over one endpoint's
 * per-second rate answers 429 with Retry-After, X-RateLimit-Reset and RateLimit-Reason.
 */
import { JIRA_POINTS, tierTwoPointsPerHour } from './routes/rate-limits';
import { demoSimulator, send } from './simulator-kit';

let wallMs = Date.parse('2026-12-07T12:10:00.000Z');
const sim = () => demoSimulator({ wallClock: () => new Date(wallMs) });

const search = (s: ReturnType<typeof sim>, maxResults: number) =>
  send(s, { method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = THR ORDER BY key', fields: ['status'], maxResults } });

describe('points', () => {
  test('a search page costs 1 + the issues it returns; a property write costs 1', async () => {
    const s = sim();
    s.rateLimits.arm({});
    const page = await search(s, 7);
    expect(JSON.parse(page.body).issues).toHaveLength(7);
    expect(s.rateLimits.stats.points).toBe(JIRA_POINTS.base + 7);
    const issueId = s.site.issues.find((issue) => issue.key === 'THR-1')!.id;
    await send(s, { method: 'PUT', path: `/rest/api/3/issue/${issueId}/properties/scale-test`, body: { a: 1 } });
    expect(s.rateLimits.stats.points).toBe(JIRA_POINTS.base + 7 + 1);
  });

  test('the tier-2 quota grows with the site\'s users', () => {
    expect(tierTwoPointsPerHour(10)).toBe(100_100);
    expect(JIRA_POINTS.tierOnePointsPerHour).toBe(65_000);
  });
});

describe('armed limits', () => {
  test('a spent hourly quota answers 429 until the next hour, saying so', async () => {
    const s = sim();
    s.rateLimits.arm({ pointsPerHour: 20 });
    expect((await search(s, 15)).status).toBe(200);
    expect((await search(s, 15)).status).toBe(200); // 16 + 16: the request that crosses the quota still runs
    const refused = await search(s, 15);
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({ 'retry-after': String(50 * 60), 'ratelimit-reason': 'jira-quota-tenant-based' });
    expect(Date.parse(refused.headers['x-ratelimit-reset']!)).toBe(Date.parse('2026-12-07T13:00:00.000Z'));
    wallMs = Date.parse('2026-12-07T13:00:01.000Z');
    expect((await search(s, 15)).status).toBe(200);
  });

  test('a burst over one endpoint\'s rate answers 429 for it alone', async () => {
    const s = sim();
    s.rateLimits.arm({ requestsPerSecondPerEndpoint: 3 });
    for (let n = 0; n < 3; n += 1) expect((await search(s, 1)).status).toBe(200);
    const refused = await search(s, 1);
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({ 'retry-after': '1', 'ratelimit-reason': 'jira-burst-based' });
    expect((await send(s, { path: '/rest/api/3/myself' })).status).toBe(200);
    wallMs += 1000;
    expect((await search(s, 1)).status).toBe(200);
    expect(s.rateLimits.stats).toMatchObject({ refused: 1, peakEndpointRequestsPerSecond: 4 });
  });
});
