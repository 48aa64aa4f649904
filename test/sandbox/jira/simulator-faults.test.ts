import type { JiraFaults } from './simulator';
import { demoSimulator, issueNamed, send } from './simulator-kit';

const MYSELF = '/rest/api/3/myself';
const NOW = new Date('2026-11-20T09:00:00.000Z');

function faulty(faults: JiraFaults, options: { random?: () => number } = {}) {
  const waits: number[] = [];
  const sim = demoSimulator({
    clock: () => NOW,
    wallClock: () => NOW,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  sim.setFaults(faults);
  return { sim, waits };
}

describe('latency', () => {
  test('a fixed latency delays every request by that much', async () => {
    const { sim, waits } = faulty({ latency: { fixedMs: 120 } });
    await send(sim, { path: MYSELF });
    await send(sim, { path: '/rest/api/3/nowhere' });

    expect(waits).toEqual([120, 120]);
  });

  test('a latency range draws from the injected random source', async () => {
    const draws = [0, 0.5, 1];
    const { sim, waits } = faulty({ latency: { minMs: 100, maxMs: 300 } }, { random: () => draws.shift() ?? 0 });
    for (let i = 0; i < 3; i += 1) await send(sim, { path: MYSELF });

    expect(waits).toEqual([100, 200, 300]);
  });

  test('without an injected sleep, the delay is real time', async () => {
    const sim = demoSimulator();
    sim.setFaults({ latency: { fixedMs: 40 } });
    const started = Date.now();
    await send(sim, { path: MYSELF });

    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });
});

describe('rate limiting', () => {
  test('the next N requests answer 429 with Retry-After, then service resumes', async () => {
    const { sim } = faulty({ rateLimit: { count: 2, retryAfterSeconds: 7 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await send(sim, { path: MYSELF })).status);
    sim.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 7 } });
    const limited = await send(sim, { path: MYSELF });

    expect(statuses).toEqual([429, 429, 200]);
    expect(limited.headers).toMatchObject({
      'retry-after': '7',
      'x-ratelimit-limit': expect.any(String),
      'x-ratelimit-remaining': '0',
      'ratelimit-reason': 'jira-burst-based',
    });
    expect(limited.headers).not.toHaveProperty('x-ratelimit-reset');
  });

  test('the reset variant gives an ISO timestamp instead of seconds', async () => {
    const { sim } = faulty({ rateLimit: { count: 1, signal: 'reset', retryAfterSeconds: 30, reason: 'jira-quota-global-based' } });
    const response = await send(sim, { path: MYSELF });

    expect(response.headers['x-ratelimit-reset']).toBe('2026-11-20T09:00:30.000Z');
    expect(response.headers['ratelimit-reason']).toBe('jira-quota-global-based');
    expect(response.headers).not.toHaveProperty('retry-after');
  });

  test('the reset instant is ahead in real time, whatever the site’s frozen clock says', async () => {
    const sim = demoSimulator();
    sim.setFaults({ rateLimit: { count: 1, signal: 'reset', retryAfterSeconds: 2 } });
    const before = Date.now();
    const response = await send(sim, { path: MYSELF });

    const reset = Date.parse(response.headers['x-ratelimit-reset'] ?? '');
    expect(sim.site.now < new Date(before).toISOString()).toBe(true);
    expect(reset).toBeGreaterThanOrEqual(before + 2_000);
    expect(reset).toBeLessThanOrEqual(Date.now() + 2_000);
  });

  test('the bare variant says nothing about when to come back', async () => {
    const { sim } = faulty({ rateLimit: { count: 1, signal: 'none' } });
    const response = await send(sim, { path: MYSELF });

    expect(response.status).toBe(429);
    expect(response.headers).not.toHaveProperty('retry-after');
    expect(response.headers).not.toHaveProperty('x-ratelimit-reset');
  });

  test.each([
    ['a prefix', '/rest/agile/'],
    ['a pattern', /\/board\b/],
  ])('only requests matching %s are limited, and only they use up the count', async (_, match) => {
    const { sim } = faulty({ rateLimit: { count: 1, match } });

    expect((await send(sim, { path: MYSELF })).status).toBe(200);
    expect((await send(sim, { path: '/rest/agile/1.0/board' })).status).toBe(429);
    expect((await send(sim, { path: '/rest/agile/1.0/board' })).status).toBe(200);
  });
});

describe('server errors', () => {
  test('500 for the next N requests', async () => {
    const { sim } = faulty({ serverError: { count: 1, status: 500 } });

    expect((await send(sim, { path: MYSELF })).status).toBe(500);
    expect((await send(sim, { path: MYSELF })).status).toBe(200);
  });

  test('503 may carry Retry-After', async () => {
    const { sim } = faulty({ serverError: { count: 2, status: 503, retryAfterSeconds: 3 } });
    const response = await send(sim, { path: MYSELF });

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('3');
  });

  test('a rate limit and a server error both armed: the 429s come first', async () => {
    const { sim } = faulty({ rateLimit: { count: 1 }, serverError: { count: 1, status: 500 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await send(sim, { path: MYSELF })).status);

    expect(statuses).toEqual([429, 500, 200]);
  });
});

describe('malformed replies', () => {
  test('truncated JSON: status 200, a JSON content type, a body that does not parse', async () => {
    const { sim } = faulty({ malformed: { count: 1, kind: 'truncated-json' } });
    const response = await send(sim, { path: MYSELF });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(() => JSON.parse(response.body)).toThrow();
  });

  test('an HTML error page with content-type text/html', async () => {
    const { sim } = faulty({ malformed: { count: 1, kind: 'html', status: 502 } });
    const response = await send(sim, { path: MYSELF });

    expect(response.status).toBe(502);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/^<!DOCTYPE html>/);
  });

  test('the request still happens: a write with a spoiled reply is stored', async () => {
    const { sim } = faulty({ malformed: { count: 1, kind: 'truncated-json' } });
    await send(sim, { method: 'PUT', path: '/rest/api/3/issue/THR-1/properties/goal', body: { id: 'g' } });

    expect(issueNamed(sim.site, 'THR-1').properties.goal).toEqual({ id: 'g' });
  });

  test('clearFaults disarms everything', async () => {
    const { sim } = faulty({ malformed: { count: 5, kind: 'html' }, rateLimit: { count: 5 } });
    sim.clearFaults();

    expect((await send(sim, { path: MYSELF })).status).toBe(200);
  });
});

describe('the request counter', () => {
  test('counts every request, by route template, faulted and unrouted ones included', async () => {
    const { sim } = faulty({ rateLimit: { count: 1 } });
    await send(sim, { path: '/rest/api/3/issue/THR-1' });
    await send(sim, { path: '/rest/api/3/issue/MOB-2' });
    await send(sim, { path: '/rest/api/3/search/jql?jql=project%3DTHR' });
    await send(sim, { path: '/rest/api/3/nowhere' });

    expect(sim.stats).toEqual({
      requests: 4,
      byRoute: {
        'GET /rest/api/3/issue/{issueIdOrKey}': 2,
        'GET /rest/api/3/search/jql': 1,
        'GET (no route)': 1,
      },
    });
  });

  test('resetStats starts again from zero', async () => {
    const sim = demoSimulator();
    await send(sim, { path: MYSELF });
    sim.resetStats();
    await send(sim, { path: MYSELF });

    expect(sim.stats).toEqual({ requests: 1, byRoute: { 'GET /rest/api/3/myself': 1 } });
  });
});
