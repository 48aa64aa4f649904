import { jest } from '@jest/globals';
import { __getRuntime, getAppContext } from '@forge/api';
import { kvs } from '@forge/kvs';
import { makeResolver } from '@forge/resolver';
import { ForgeSandbox, InvocationTimeoutError, PayloadTooLargeError, ResponseTooLargeError, type ResolverCall } from './sandbox';
import { offlineJira } from './test-fixtures';

const sandbox = new ForgeSandbox({ jira: offlineJira, environmentType: 'PRODUCTION' });

const PROJECT_PAGE = {
  type: 'jira:projectPage',
  project: { id: '10000', key: 'THR', type: 'software' },
  location: 'https://throughline-test.atlassian.net/jira/software/projects/THR/apps/x',
};

const call = (functionKey: string, extra: Partial<ResolverCall> = {}): ResolverCall => ({
  functionKey,
  extension: PROJECT_PAGE,
  moduleKey: 'throughline-project-page',
  accountId: 'user-pm',
  ...extra,
});

type Defs = {
  whoAmI: () => Record<string, unknown>;
  echo: (payload: Record<string, unknown>) => Record<string, unknown>;
  remaining: () => { first: number; second: number };
  hang: () => void;
  huge: () => { blob: string };
  store: () => number;
};

let afterTimeout: unknown;

const handler = makeResolver<Defs>({
  whoAmI: ({ context }) => ({ ...context }),
  echo: ({ payload }) => ({ received: payload, at: new Date('2025-05-01T12:00:00Z'), dropped: undefined, map: new Map([['a', 1]]) }),
  remaining: async () => {
    const first = getAppContext().invocationRemainingTimeInMillis();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    return { first, second: getAppContext().invocationRemainingTimeInMillis() };
  },
  hang: async () => {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    // Forge would have killed the function by now; a late platform call is refused.
    afterTimeout = await kvs.set('late', 1).catch((error: unknown) => error);
  },
  huge: () => ({ blob: 'x'.repeat(5_000_001) }),
  store: async () => {
    await kvs.set('a', 1);
    await kvs.get('a');
    return 2;
  },
});

beforeAll(() => sandbox.install());
afterEach(() => jest.useRealTimers());

/** Fake clock and timers; microtasks and I/O callbacks stay real so Response bodies still resolve. */
const fakeTimers = (): void => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
};

describe('resolver calls shaped as Forge shapes them', () => {
  test('the resolver sees the extension context merged with the installation and the principal', async () => {
    const context = await sandbox.callResolver(handler, call('whoAmI', { locale: 'de-DE', timezone: 'Europe/Berlin' }));
    expect(context).toEqual({
      accountId: 'user-pm',
      accountType: 'licensed',
      cloudId: offlineJira.site.cloudId,
      siteUrl: offlineJira.site.baseUrl,
      installContext: `ari:cloud:jira::site/${offlineJira.site.cloudId}`,
      environmentId: sandbox.environmentId,
      environmentType: 'PRODUCTION',
      moduleKey: 'throughline-project-page',
      localId: `ari:cloud:ecosystem::extension/${sandbox.appId}/${sandbox.environmentId}/static/throughline-project-page`,
      extension: PROJECT_PAGE,
      locale: 'de-DE',
      timezone: 'Europe/Berlin',
    });
  });

  test('an anonymous viewer has no accountId; a paid licence arrives as context.license', async () => {
    expect(await sandbox.callResolver(handler, call('whoAmI', { accountId: undefined }))).toMatchObject({ accountType: 'anonymous' });
    expect(await sandbox.callResolver(handler, call('whoAmI', { accountId: undefined }))).not.toHaveProperty('accountId');
    expect(await sandbox.callResolver(handler, call('whoAmI', { license: { isActive: false } }))).toMatchObject({ license: { isActive: false } });
  });

  test('payload and result cross as JSON: undefined vanishes, a Date becomes a string, a Map {}', async () => {
    const result = await sandbox.callResolver(handler, call('echo', { payload: { since: new Date('2025-01-01T00:00:00Z'), gone: undefined, n: 1 } }));
    expect(result).toEqual({ received: { since: '2025-01-01T00:00:00.000Z', n: 1 }, at: '2025-05-01T12:00:00.000Z', map: {} });
    expect(result).not.toHaveProperty('dropped');
  });

  test('an unknown function key fails the way @forge/resolver fails it', async () => {
    await expect(sandbox.callResolver(handler, call('nope'))).rejects.toThrow("Resolver has no definition for 'nope'.");
  });

  test('payloads over 500 KB are refused before the function runs', async () => {
    sandbox.kvs.resetStats();
    const payload = { text: 'x'.repeat(500_000) };
    await expect(sandbox.callResolver(handler, call('store', { payload }))).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(sandbox.callResolver(handler, call('store', { payload }))).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 500_000 });
    expect(sandbox.kvs.stats.operations).toBe(0);
  });

  test('responses over 5 MB fail the invocation', async () => {
    await expect(sandbox.callResolver(handler, call('huge'))).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(sandbox.lastInvocation).toMatchObject({ functionKey: 'huge', outcome: 'error' });
  });

  test('getRemainingTimeInMillis counts down from 25,000 ms', async () => {
    fakeTimers();
    const pending = sandbox.callResolver(handler, call('remaining'));
    await jest.advanceTimersByTimeAsync(10_000);
    await expect(pending).resolves.toEqual({ first: 25_000, second: 15_000 });
  });

  test('a function still running at 25 s is stopped, and its later platform calls are refused', async () => {
    fakeTimers();
    afterTimeout = undefined;
    let settled = false;
    const pending = sandbox.callResolver(handler, call('hang'));
    pending.catch(() => undefined).finally(() => (settled = true));
    await jest.advanceTimersByTimeAsync(24_999);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(pending).rejects.toBeInstanceOf(InvocationTimeoutError);
    expect(sandbox.lastInvocation).toMatchObject({ functionKey: 'hang', outcome: 'timeout' });

    await jest.advanceTimersByTimeAsync(40_000);
    expect(afterTimeout).toMatchObject({ code: 'INVOCATION_ENDED' });
    jest.useRealTimers();
    expect(await kvs.get('late')).toBeUndefined();
  });

  test('each invocation has its own runtime, even when they overlap', async () => {
    const seen = await Promise.all(
      ['user-a', 'user-b', 'user-c'].map((accountId) =>
        sandbox.run(
          async () => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            return { aaid: __getRuntime().aaid, invocationId: getAppContext().invocationId };
          },
          { accountId },
        ),
      ),
    );
    expect(seen.map((entry) => entry.aaid)).toEqual(['user-a', 'user-b', 'user-c']);
    expect(new Set(seen.map((entry) => entry.invocationId)).size).toBe(3);
    // Outside an invocation there is no runtime, as on Forge between invocations.
    expect(() => getAppContext()).toThrow('Forge runtime not found.');
  });

  test('lastInvocation reports what a call cost', async () => {
    await sandbox.callResolver(handler, call('store'));
    expect(sandbox.lastInvocation).toMatchObject({
      kind: 'resolver',
      functionKey: 'store',
      moduleKey: 'throughline-project-page',
      accountId: 'user-pm',
      storageOps: 2,
      jiraRequests: 0,
      outcome: 'ok',
      serverMs: expect.any(Number),
    });
  });
});
