import { kvs } from '@forge/kvs';
import { makeResolver } from '@forge/resolver';
import { ForgeSandbox } from './sandbox';
import { offlineJira } from './test-fixtures';

type RuntimeGlobal = typeof globalThis & { __forge_runtime__?: Record<string, unknown>; __forge_fetch__?: unknown };
const realm = globalThis as RuntimeGlobal;

describe('the runtime globals', () => {
  test('install() defines __forge_fetch__ once and is idempotent', () => {
    const sandbox = new ForgeSandbox({ jira: offlineJira });
    sandbox.install();
    const fetch = realm.__forge_fetch__;
    sandbox.install();
    expect(typeof fetch).toBe('function');
    expect(realm.__forge_fetch__).toBe(fetch);
  });

  test('__forge_runtime__ exists only inside an invocation and never carries kvs', async () => {
    const sandbox = new ForgeSandbox({ jira: offlineJira });
    sandbox.install();
    expect(realm.__forge_runtime__).toBeUndefined();
    const inside = await sandbox.run(() => realm.__forge_runtime__);
    expect(inside).toMatchObject({ appContext: { appId: sandbox.appId }, contextAri: `ari:cloud:jira::site/${offlineJira.site.cloudId}` });
    // @forge/kvs would switch to a direct KVS client (and bypass __forge_fetch__) if this were set.
    expect(inside).not.toHaveProperty('kvs');
  });

  test('an invocation is served by its own sandbox, whichever sandbox was installed last', async () => {
    const first = new ForgeSandbox({ jira: offlineJira });
    const second = new ForgeSandbox({ jira: offlineJira });
    first.install();
    second.install();
    const handler = makeResolver<{ save: () => void }>({ save: async () => kvs.set('owner', 'invocation') });
    await first.callResolver(handler, { functionKey: 'save', extension: {}, moduleKey: 'm', accountId: 'u' });
    expect(first.kvs.snapshot().kv.owner?.value).toBe('invocation');
    expect(second.kvs.snapshot().kv.owner).toBeUndefined();
    // Outside invocations, the last installed sandbox serves.
    await kvs.set('owner', 'setup');
    expect(second.kvs.snapshot().kv.owner?.value).toBe('setup');
  });

  test('after uninstall(), calls outside invocations have no platform', async () => {
    const sandbox = new ForgeSandbox({ jira: offlineJira });
    sandbox.install();
    sandbox.uninstall();
    await expect(kvs.get('x')).rejects.toThrow('No ForgeSandbox is installed');
    sandbox.install();
  });
});
