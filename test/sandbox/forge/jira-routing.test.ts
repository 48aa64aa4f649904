import { asApp, asUser, NeedsAuthenticationError, ProxyRequestError, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { makeResolver } from '@forge/resolver';
import { buildDemoSite, DEMO_APP_ACCOUNT_ID, DEMO_USERS } from '../demo';
import { JiraSimulator } from '../jira/simulator';
import { ForgeSandbox, type ResolverCall } from './sandbox';

const site = buildDemoSite();
const jira = new JiraSimulator(site);
const sandbox = new ForgeSandbox({ jira });

const thr = site.projects.find((project) => project.key === 'THR');
const fin = site.projects.find((project) => project.key === 'FIN');
const thrEpic = site.issues.find((issue) => issue.projectId === thr?.id);
if (!thr || !fin || !thrEpic) throw new Error('The demo site changed: THR, FIN and a THR issue are expected');

const json = async (response: { json(): Promise<unknown> }): Promise<Record<string, unknown>> => (await response.json()) as Record<string, unknown>;

type Defs = {
  myselfAsUser: () => { status: number; accountId?: unknown };
  myselfAsApp: () => { status: number; accountId?: unknown };
  projectAsUser: (payload: { key: string }) => { status: number };
  projectAsApp: (payload: { key: string }) => { status: number };
  writeProperty: (payload: { issueKey: string; value: unknown }) => { status: number };
  confluence: () => string;
};

const handler = makeResolver<Defs>({
  myselfAsUser: async () => {
    const response = await asUser().requestJira(route`/rest/api/3/myself`);
    return { status: response.status, ...(response.ok ? { accountId: (await json(response)).accountId } : {}) };
  },
  myselfAsApp: async () => {
    const response = await asApp().requestJira(route`/rest/api/3/myself`);
    return { status: response.status, accountId: (await json(response)).accountId };
  },
  projectAsUser: async ({ payload }) => ({ status: (await asUser().requestJira(route`/rest/api/3/project/${payload.key}`)).status }),
  projectAsApp: async ({ payload }) => ({ status: (await asApp().requestJira(route`/rest/api/3/project/${payload.key}`)).status }),
  writeProperty: async ({ payload }) => {
    const response = await asUser().requestJira(route`/rest/api/3/issue/${payload.issueKey}/properties/throughline`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload.value),
    });
    return { status: response.status };
  },
  confluence: async () => {
    try {
      await asUser().requestConfluence(route`/wiki/rest/api/space`);
      return 'reached';
    } catch (error) {
      return error instanceof ProxyRequestError ? error.errorCode : 'other';
    }
  },
});

const call = (functionKey: keyof Defs, accountId: string | undefined, payload?: unknown): ResolverCall => ({
  functionKey,
  payload,
  accountId,
  moduleKey: 'throughline-product',
  extension: { type: 'jira:projectPage', project: { id: thr.id, key: thr.key, type: 'software' } },
});

beforeAll(() => sandbox.install());
beforeEach(() => {
  sandbox.setProxyFault(undefined);
  jira.clearFaults();
});

describe('product requests reach the Jira simulator as the right caller', () => {
  test('asUser() carries the invoking user, asApp() the app', async () => {
    expect(await sandbox.callResolver(handler, call('myselfAsUser', DEMO_USERS.developer))).toEqual({ status: 200, accountId: DEMO_USERS.developer });
    expect(await sandbox.callResolver(handler, call('myselfAsApp', DEMO_USERS.developer))).toEqual({ status: 200, accountId: DEMO_APP_ACCOUNT_ID });
  });

  test('Jira hides what the user may not see; the app sees it', async () => {
    expect(await sandbox.callResolver(handler, call('projectAsUser', DEMO_USERS.outsider, { key: 'THR' }))).toEqual({ status: 404 });
    expect(await sandbox.callResolver(handler, call('projectAsUser', DEMO_USERS.productManager, { key: 'THR' }))).toEqual({ status: 200 });
    expect(await sandbox.callResolver(handler, call('projectAsApp', DEMO_USERS.outsider, { key: 'THR' }))).toEqual({ status: 200 });
  });

  test('an anonymous viewer reaches Jira as anonymous', async () => {
    expect(await sandbox.callResolver(handler, call('myselfAsUser', undefined))).toEqual({ status: 401 });
  });

  test('method, headers and body pass through: a property write as the user', async () => {
    const value = { goals: ['g1'] };
    const result = await sandbox.callResolver(handler, call('writeProperty', DEMO_USERS.productManager, { issueKey: thrEpic.key, value }));
    expect(result).toEqual({ status: expect.any(Number) });
    expect(site.issues.find((issue) => issue.key === thrEpic.key)?.properties.throughline).toEqual(value);
    expect(sandbox.lastInvocation?.jiraCalls).toEqual([
      { method: 'PUT', path: `/rest/api/3/issue/${thrEpic.key}/properties/throughline`, status: expect.any(Number), as: 'user' },
    ]);
  });

  test('a 429 from Jira reaches app code as an ordinary response (no SDK retries)', async () => {
    jira.setFaults({ rateLimit: { count: 1, signal: 'retry-after', retryAfterSeconds: 7 } });
    await sandbox.run(async () => {
      const response = await asApp().requestJira(route`/rest/api/3/myself`);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
    });
    expect(sandbox.lastInvocation).toMatchObject({ jiraRequests: 1 });
  });

  test('lastInvocation counts the Jira requests of one call', async () => {
    jira.resetStats();
    await sandbox.callResolver(handler, call('myselfAsUser', DEMO_USERS.developer));
    expect(sandbox.lastInvocation).toMatchObject({ jiraRequests: 1, storageOps: 0, jiraCalls: [{ method: 'GET', path: '/rest/api/3/myself', status: 200, as: 'user' }] });
    expect(jira.stats.requests).toBe(1);
  });
});

describe('where Forge has no user, asUser() is refused', () => {
  test('a trigger without a principal may call Jira as the app only', async () => {
    const outcome = await sandbox.fireTrigger(
      async () => {
        const asAppStatus = (await asApp().requestJira(route`/rest/api/3/myself`)).status;
        const asUserError = await asUser()
          .requestJira(route`/rest/api/3/myself`)
          .then(() => 'reached', (error: unknown) => (error instanceof ProxyRequestError ? error.errorCode : 'other'));
        return { asAppStatus, asUserError };
      },
      { eventType: 'avi:jira:updated:issue' },
    );
    expect(outcome).toEqual({ asAppStatus: 200, asUserError: 'NO_USER_CONTEXT' });
  });

  test('code outside any invocation (test setup) may call Jira as the app', async () => {
    expect((await asApp().requestJira(route`/rest/api/3/myself`)).status).toBe(200);
    await expect(asUser().requestJira(route`/rest/api/3/myself`)).rejects.toMatchObject({ errorCode: 'NO_USER_CONTEXT' });
  });
});

describe('platform failures', () => {
  test('the proxy switch fails Jira calls with forge-proxy-error, then heals', async () => {
    sandbox.setProxyFault({ remote: 'jira', times: 1 });
    await sandbox.run(async () => {
      await expect(asApp().requestJira(route`/rest/api/3/myself`)).rejects.toBeInstanceOf(ProxyRequestError);
      expect((await asApp().requestJira(route`/rest/api/3/myself`)).status).toBe(200);
    });
  });

  test('NEEDS_AUTHENTICATION_ERR becomes NeedsAuthenticationError', async () => {
    sandbox.setProxyFault({ error: 'NEEDS_AUTHENTICATION_ERR' });
    await sandbox.run(
      async () => {
        await expect(asUser().requestJira(route`/rest/api/3/myself`)).rejects.toBeInstanceOf(NeedsAuthenticationError);
      },
      { accountId: DEMO_USERS.developer },
    );
  });

  test('a storage proxy failure reaches app code through @forge/kvs as ForgeKvsAPIError', async () => {
    sandbox.setProxyFault({ remote: 'kvs', times: 1 });
    await expect(kvs.get('anything')).rejects.toMatchObject({ code: 'PROXY_ERR', responseDetails: { status: 500 } });
    await expect(kvs.get('anything')).resolves.toBeUndefined();
  });

  test('remotes the sandbox does not serve are refused the way the proxy refuses', async () => {
    expect(await sandbox.callResolver(handler, call('confluence', DEMO_USERS.developer))).toBe('UNSUPPORTED_REMOTE');
  });

  test('product calls need a route template, as on Forge', async () => {
    await sandbox.run(async () => {
      expect(() => asApp().requestJira('/rest/api/3/myself' as unknown as ReturnType<typeof route>)).toThrow();
    });
  });
});
