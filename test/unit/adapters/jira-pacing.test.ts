import { endpointOf, JiraPacer, QuotaReserveReached } from '../../../src/adapters/jira/pacing';
import { decideRetry } from '../../../src/adapters/jira/retry-policy';

const search = 'POST /rest/api/3/search/jql';
const field = 'GET /rest/api/3/field';
const wallStart = Date.parse('2026-11-20T09:20:00Z');

/** A pacer on a clock that moves only when it sleeps; every request start is recorded. */
function pacer(options: { learned?: Record<string, number>; share?: number; stopAtNearLimit?: boolean } = {}) {
  let clock = 0;
  const starts: Array<{ endpoint: string; at: number }> = [];
  const instance = new JiraPacer({
    share: options.share ?? 0.1,
    ...(options.learned ? { learned: options.learned } : {}),
    ...(options.stopAtNearLimit ? { stopAtNearLimit: true } : {}),
    now: () => clock,
    random: () => 0,
    wallNow: () => wallStart + clock,
    sleep: async (ms) => {
      clock += ms;
    },
  });
  return {
    pacer: instance,
    async ask(endpoint: string) {
      await instance.before(endpoint);
      starts.push({ endpoint, at: clock });
    },
    startsOf: (endpoint: string) => starts.filter((start) => start.endpoint === endpoint).map((start) => start.at),
  };
}

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

describe('endpointOf', () => {
  test('ids become placeholders, the query and the API version do not count', () => {
    expect(endpointOf('post', '/rest/api/3/search/jql?fields=parent')).toBe(search);
    expect(endpointOf('GET', '/rest/api/3/issue/10042/properties/throughline-links')).toBe('GET /rest/api/3/issue/{id}/properties/throughline-links');
    expect(endpointOf('GET', '/rest/agile/1.0/board/7/sprint')).toBe('GET /rest/agile/1.0/board/{id}/sprint');
  });
});

describe('JiraPacer', () => {
  test('a learned rate spaces one endpoint\'s requests by whole requests a second of its share, the first one slot in; others are not held', async () => {
    const run = pacer({ learned: { [search]: 100 }, share: 0.1 });
    for (let i = 0; i < 4; i++) await run.ask(search);
    await run.ask(field);
    expect(run.startsOf(search)).toEqual([100, 200, 300, 400]);
    expect(run.startsOf(field)).toEqual([400]);
  });

  test('a share below whole requests rounds down: 1.5 a second is paced as 1', async () => {
    const run = pacer({ learned: { [search]: 15 }, share: 0.1 });
    for (let i = 0; i < 3; i++) await run.ask(search);
    expect(run.startsOf(search)).toEqual([1000, 2000, 3000]);
  });

  test('a burst 429 teaches its X-RateLimit-Limit and holds that endpoint only until Retry-After', async () => {
    const run = pacer({ share: 0.2 });
    await run.ask(search);
    await run.ask(search);
    expect(run.startsOf(search)).toEqual([0, 0]);
    run.pacer.observe(search, 429, headers({ 'retry-after': '2', 'x-ratelimit-limit': '50', 'ratelimit-reason': 'jira-burst-based' }));
    expect(run.pacer.learned).toEqual({ [search]: 50 });
    await run.ask(field);
    await run.ask(search);
    await run.ask(search);
    expect(run.startsOf(field)).toEqual([0]);
    // Paced from the hold on: 50 a second, a fifth of it this pacer's (10 a second).
    expect(run.startsOf(search)).toEqual([0, 0, 2100, 2200]);
  });

  test('a burst 429 without a limit halves what was sent; a quota\'s or a per-issue 429 teaches no rate', async () => {
    const run = pacer({ share: 0.5 });
    for (let i = 0; i < 10; i++) await run.ask(search);
    run.pacer.observe(search, 429, headers({ 'retry-after': '1' }));
    expect(run.pacer.learned).toEqual({ [search]: 10 });
    run.pacer.observe(field, 429, headers({ 'retry-after': '3000', 'ratelimit-reason': 'jira-quota-tenant-based', 'x-ratelimit-limit': '100060' }));
    run.pacer.observe(field, 429, headers({ 'retry-after': '2', 'ratelimit-reason': 'jira-per-issue-on-write', 'x-ratelimit-limit': '5' }));
    run.pacer.observe(field, 429, headers({ 'retry-after': '3000' }));
    expect(run.pacer.learned).toEqual({ [search]: 10 });
  });

  test('a request refused although paced (others spend the rate too) halves this pacer\'s pace, down to a sixteenth', async () => {
    const run = pacer({ learned: { [search]: 100 }, share: 0.1 });
    const ticket = await run.pacer.before(search);
    expect(ticket).toEqual({ paced: true });
    const unpaced = await run.pacer.before(field);
    expect(unpaced).toEqual({ paced: false });
    run.pacer.observe(search, 429, headers({ 'retry-after': '1', 'x-ratelimit-limit': '100', 'ratelimit-reason': 'jira-burst-based' }), ticket);
    for (let i = 0; i < 3; i++) await run.ask(search);
    const [a, b, c] = run.startsOf(search);
    // 10 a second halved: 5 a second, from the end of the hold.
    expect([b! - a!, c! - b!]).toEqual([200, 200]);
    for (let i = 0; i < 6; i++) run.pacer.observe(search, 429, headers({ 'retry-after': '1', 'x-ratelimit-limit': '100', 'ratelimit-reason': 'jira-burst-based' }), ticket);
    for (let i = 0; i < 2; i++) await run.ask(search);
    const starts = run.startsOf(search);
    // A sixteenth of 10 a second, below one a second: spaced 1.6 s.
    expect(starts.at(-1)! - starts.at(-2)!).toBe(1600);
    expect(run.pacer.learned).toEqual({ [search]: 100 });
  });

  test('NearLimit (or its beta name) stops a job that asks to stop, until the next full hour; an answer naming a later reset is believed; others go on', async () => {
    const run = pacer({ stopAtNearLimit: true });
    await run.ask(search);
    run.pacer.observe(search, 200, headers({ 'x-ratelimit-nearlimit': 'true' }));
    const stopped = await run.ask(search).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(QuotaReserveReached);
    expect(new Date((stopped as QuotaReserveReached).resumeAt).toISOString()).toBe('2026-11-20T10:00:00.000Z');
    run.pacer.observe(search, 429, headers({ 'x-ratelimit-nearlimit': 'true', 'retry-after': String(2 * 3600), 'ratelimit-reason': 'jira-quota-tenant-based' }));
    expect(new Date(run.pacer.nearLimitUntil!).toISOString()).toBe('2026-11-20T11:20:00.000Z');

    const beta = pacer({ stopAtNearLimit: true });
    beta.pacer.observe(search, 200, headers({ 'x-beta-ratelimit-nearlimit': 'true' }));
    await expect(beta.ask(search)).rejects.toBeInstanceOf(QuotaReserveReached);

    const people = pacer();
    people.pacer.observe(search, 200, headers({ 'x-ratelimit-nearlimit': 'true' }));
    await people.ask(search);
    expect(people.startsOf(search)).toHaveLength(1);
  });
});

describe('decideRetry with giveUpBeyondMs', () => {
  test('a hinted wait past it is handed back to the caller, a shorter one is waited', () => {
    const policy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 5_000, requestAllowanceMs: 1_500, giveUpBeyondMs: 5_000 };
    const base = { status: 429, rateLimitReset: null, retriesSoFar: 0, nowMs: wallStart, remainingMs: 50_000, random: () => 0.5, policy };
    expect(decideRetry({ ...base, retryAfter: '3540' })).toEqual({ retry: false, reason: 'wait-too-long' });
    expect(decideRetry({ ...base, retryAfter: '1' })).toEqual({ retry: true, delayMs: 1_000 });
  });
});
