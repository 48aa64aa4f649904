/**
 * Forge's per-kind invocation limits ("Invocation limits": 25 s for UI resolvers and product
 * events, 55 s for web triggers, 55 s or `timeoutSeconds` up to 900 s for functions referenced only
 * by scheduled triggers and consumers), its invocation rate limits, and JSON of any depth.
 */
import { getAppContext } from '@forge/api';
import { makeResolver } from '@forge/resolver';
import { INVOCATION_LIMITS, platformTimeoutMs, toJson } from './invocation-limits';
import { loadManifest, parseManifest } from './manifest';
import { ForgeSandbox, InvocationRateLimitedError, InvocationTimeoutError, type ResolverCall } from './sandbox';
import { offlineJira } from './test-fixtures';

const remaining = (): number => getAppContext().invocationRemainingTimeInMillis();

const MANIFEST = parseManifest(`
modules:
  jira:projectPage:
    - key: page
      title: Page
      resource: main
      resolver:
        function: resolver
  trigger:
    - key: issue-events
      function: on-issue
      events: [avi:jira:updated:issue]
    - key: shared-events
      function: shared
      events: [avi:jira:created:issue]
  scheduledTrigger:
    - key: nightly
      function: long-job
      interval: day
    - key: hourly
      function: plain-job
      interval: hour
    - key: shared-schedule
      function: shared
      interval: day
  consumer:
    - key: import-consumer
      queue: imports
      function: importer
  function:
    - key: resolver
      handler: index.resolver
    - key: on-issue
      handler: index.onIssue
    - key: long-job
      handler: index.longJob
      timeoutSeconds: 900
    - key: plain-job
      handler: index.plainJob
    - key: shared
      handler: index.shared
      timeoutSeconds: 600
    - key: importer
      handler: index.importer
      timeoutSeconds: 300
`);

const sandbox = new ForgeSandbox({ jira: offlineJira, manifest: MANIFEST });
beforeAll(() => sandbox.install());
afterEach(() => sandbox.setInvocationRateLimits(undefined));

/** Remaining time at the start of an invocation: within a few ms of its limit, never above it. */
function expectLimit(measured: unknown, limitMs: number): void {
  expect(measured).toBeLessThanOrEqual(limitMs);
  expect(measured).toBeGreaterThan(limitMs - 1_000);
}

const resolverCall = (functionKey: string, extra: Partial<ResolverCall> = {}): ResolverCall => ({
  functionKey,
  extension: { type: 'jira:projectPage', project: { id: '10000', key: 'THR', type: 'software' } },
  moduleKey: 'page',
  accountId: 'user-a',
  ...extra,
});

const resolver = makeResolver<{ remaining: () => number; depth: (payload: Record<string, unknown>) => number }>({
  remaining: () => remaining(),
  depth: ({ payload }) => {
    let depth = 0;
    for (let value: unknown = payload; value !== null && typeof value === 'object'; value = (value as { next?: unknown }).next) depth += 1;
    return depth;
  },
});

describe('time limits per module kind', () => {
  test('a UI resolver gets 25 s', async () => {
    expectLimit(await sandbox.callResolver(resolver, resolverCall('remaining')), 25_000);
  });

  test('a product event trigger gets 25 s, not the 900 s of long-running functions', async () => {
    expectLimit(await sandbox.fireTrigger(remaining, { eventType: 'avi:jira:updated:issue' }, { moduleKey: 'issue-events' }), 25_000);
  });

  test('a scheduled trigger gets its function’s timeoutSeconds', async () => {
    expectLimit(await sandbox.fireScheduledTrigger(remaining, { moduleKey: 'nightly' }), 900_000);
  });

  test('a scheduled trigger without timeoutSeconds gets 55 s', async () => {
    expectLimit(await sandbox.fireScheduledTrigger(remaining, { moduleKey: 'hourly' }), 55_000);
  });

  test('a function also referenced by a product trigger gets 25 s even when the schedule runs it', async () => {
    expectLimit(await sandbox.fireScheduledTrigger(remaining, { moduleKey: 'shared-schedule' }), 25_000);
  });

  test('a consumer gets its function’s timeoutSeconds', async () => {
    expectLimit(await sandbox.fireConsumer(remaining, { body: {} }, { moduleKey: 'import-consumer' }), 300_000);
  });

  test('a module the manifest does not declare gets the 55 s default', async () => {
    expectLimit(await sandbox.fireConsumer(remaining, { body: {} }), 55_000);
  });

  test('a test’s timeoutMs may shorten the limit but never lengthen it', async () => {
    expectLimit(await sandbox.fireTrigger(remaining, { eventType: 'x' }, { moduleKey: 'issue-events', timeoutMs: 600_000 }), 25_000);
    expectLimit(await sandbox.callResolver(resolver, resolverCall('remaining', { timeoutMs: 60_000 })), 25_000);
    await expect(
      sandbox.fireConsumer(() => new Promise((resolve) => setTimeout(resolve, 200)), { body: {} }, { moduleKey: 'import-consumer', timeoutMs: 50 }),
    ).rejects.toBeInstanceOf(InvocationTimeoutError);
  });

  test('web triggers get 55 s', () => {
    expect(platformTimeoutMs('web-trigger', 'any', undefined)).toBe(55_000);
  });

  test('the app’s manifest: the daily snapshot may run 900 s, its event triggers 25 s', async () => {
    const app = new ForgeSandbox({ jira: offlineJira, manifest: loadManifest('manifest.yml') });
    app.install();
    try {
      expectLimit(await app.fireScheduledTrigger(remaining, { moduleKey: 'daily-kpi-snapshot' }), 900_000);
      expectLimit(await app.fireTrigger(remaining, { eventType: 'avi:jira:updated:issue' }, { moduleKey: 'issue-changed-rollups' }), 25_000);
    } finally {
      app.uninstall();
      sandbox.install();
    }
  });
});

describe('module kinds', () => {
  test('a module is invoked only as the kind the manifest declares', () => {
    expect(() => sandbox.fireTrigger(remaining, { eventType: 'x' }, { moduleKey: 'nightly' })).toThrow(/scheduledTrigger module/);
    expect(() => sandbox.fireScheduledTrigger(remaining, { moduleKey: 'issue-events' })).toThrow(/trigger module/);
    expect(() => sandbox.fireConsumer(remaining, { body: {} }, { moduleKey: 'hourly' })).toThrow(/scheduledTrigger module/);
  });
});

describe('the manifest’s functions', () => {
  test('name the function behind each module and its timeoutSeconds', () => {
    expect(MANIFEST.functions['long-job']).toEqual({ handler: 'index.longJob', timeoutSeconds: 900 });
    expect(MANIFEST.functions['resolver']).toEqual({ handler: 'index.resolver' });
    expect(MANIFEST.modules).toEqual(
      expect.arrayContaining([
        { type: 'jira:projectPage', key: 'page', functionKey: 'resolver' },
        { type: 'consumer', key: 'import-consumer', functionKey: 'importer', queue: 'imports' },
      ]),
    );
  });

  test.each([0, 901, 1.5])('refuse timeoutSeconds %s (Forge accepts 1–900)', (seconds) => {
    expect(() => parseManifest(`modules:\n  function:\n    - key: f\n      handler: index.f\n      timeoutSeconds: ${seconds}\n`)).toThrow();
  });
});

describe('consumers', () => {
  test('receive the pushed event as an AsyncEvent, with the function context', async () => {
    const seen = await sandbox.fireConsumer((event, context) => ({ event, context }), { body: { projectId: '10000', at: new Date('2026-11-20T09:00:00Z') } }, {
      moduleKey: 'import-consumer',
    });
    expect(seen).toEqual({
      event: { body: { projectId: '10000', at: '2026-11-20T09:00:00.000Z' }, queueName: 'imports', jobId: expect.any(String), eventId: expect.any(String) },
      context: { installContext: `ari:cloud:jira::site/${offlineJira.site.cloudId}` },
    });
    expect(sandbox.lastInvocation).toMatchObject({ kind: 'consumer', moduleKey: 'import-consumer', outcome: 'ok' });
  });

  test('see the retry context of a retried event', async () => {
    const retryContext = { retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { page: 2 } };
    const event = await sandbox.fireConsumer((delivered) => delivered, { body: { n: 1 }, jobId: 'job-1', eventId: 'event-1', retryContext }, { moduleKey: 'import-consumer' });
    expect(event).toEqual({ body: { n: 1 }, queueName: 'imports', jobId: 'job-1', eventId: 'event-1', retryContext });
  });
});

describe('invocation rate limits (a switchable fault)', () => {
  test('are off by default', async () => {
    for (let n = 0; n < 5; n++) await sandbox.callResolver(resolver, resolverCall('remaining'));
  });

  test('refuse a user’s invocations past the per-user limit before the function runs', async () => {
    sandbox.setInvocationRateLimits({ perUser: 2 });
    let ran = 0;
    const counting = makeResolver<{ count: () => number }>({ count: () => ++ran });
    await sandbox.callResolver(counting, resolverCall('count'));
    await sandbox.callResolver(counting, resolverCall('count'));
    const refused = await sandbox.callResolver(counting, resolverCall('count')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvocationRateLimitedError);
    expect(refused).toMatchObject({ code: 'INVOCATION_RATE_LIMITED', httpStatus: 429, scope: 'user', limit: 2 });
    expect(ran).toBe(2);
    // Another user of the installation still gets through.
    await expect(sandbox.callResolver(counting, resolverCall('count', { accountId: 'user-b' }))).resolves.toBe(3);
  });

  test('refuse every user past the per-installation limit', async () => {
    sandbox.setInvocationRateLimits({ perInstallation: 3 });
    for (const accountId of ['user-a', 'user-b', 'user-c']) await sandbox.callResolver(resolver, resolverCall('remaining', { accountId }));
    await expect(sandbox.callResolver(resolver, resolverCall('remaining', { accountId: 'user-d' }))).rejects.toMatchObject({ scope: 'installation' });
  });

  test('count in fixed one-minute windows', async () => {
    let now = Date.parse('2026-11-20T09:00:59.000Z');
    sandbox.setInvocationRateLimits({ perUser: 1, clock: () => now });
    await sandbox.callResolver(resolver, resolverCall('remaining'));
    await expect(sandbox.callResolver(resolver, resolverCall('remaining'))).rejects.toMatchObject({ resetAt: Date.parse('2026-11-20T09:01:00.000Z') });
    now += 1_000;
    await expect(sandbox.callResolver(resolver, resolverCall('remaining'))).resolves.toBeGreaterThan(0);
  });

  test('default to Forge’s 1,200 per user a minute', async () => {
    sandbox.setInvocationRateLimits({ clock: () => Date.parse('2026-11-20T09:00:00.000Z') });
    const trivial = makeResolver<{ nothing: () => number }>({ nothing: () => 1 });
    for (let n = 0; n < INVOCATION_LIMITS.perUserPerMinute; n++) await sandbox.callResolver(trivial, resolverCall('nothing'));
    await expect(sandbox.callResolver(trivial, resolverCall('nothing'))).rejects.toMatchObject({ scope: 'user', limit: 1_200 });
  });

  test('do not apply to scheduled triggers', async () => {
    sandbox.setInvocationRateLimits({ perUser: 0, perInstallation: 0 });
    await expect(sandbox.fireScheduledTrigger(() => 'ran', { moduleKey: 'hourly' })).resolves.toBe('ran');
  });
});

describe('payloads of any depth', () => {
  function chain(levels: number): Record<string, unknown> {
    let value: Record<string, unknown> = {};
    for (let level = 1; level < levels; level++) value = { next: value };
    return value;
  }

  test('a 10,000-deep payload reaches the resolver', async () => {
    await expect(sandbox.callResolver(resolver, resolverCall('depth', { payload: chain(10_000) }))).resolves.toBe(10_000);
  });

  test('deep JSON crosses exactly as JSON.stringify writes shallow JSON', () => {
    const sample = {
      text: 'a "quoted" \u2028 line',
      numbers: [1, -0, 1.5e300, Number.NaN, Number.POSITIVE_INFINITY],
      skipped: undefined,
      fn: () => 1,
      holes: [undefined, () => 1, Symbol('s'), null],
      date: new Date('2026-11-20T09:00:00Z'),
      map: new Map([['a', 1]]),
      boxed: [Object(1), Object('s'), Object(false)],
      custom: { toJSON: (key: string) => `key:${key}` },
    };
    const deep = chain(6_000);
    let leaf = deep;
    while (leaf['next']) leaf = leaf['next'] as Record<string, unknown>;
    leaf['sample'] = sample;
    const text = toJson(deep).text ?? '';
    const shallow = JSON.stringify(sample);
    expect(text.endsWith(`"sample":${shallow}${'}'.repeat(6_000)}`)).toBe(true);
    expect(toJson(undefined)).toEqual({ text: undefined, bytes: 0 });
  });

  test('a cycle still fails as JSON.stringify does', () => {
    const deep = chain(6_000);
    let leaf = deep;
    while (leaf['next']) leaf = leaf['next'] as Record<string, unknown>;
    leaf['loop'] = deep;
    expect(() => toJson(deep)).toThrow(TypeError);
  });
});
