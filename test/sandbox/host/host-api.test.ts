/**
 * The host's HTTP surface, started in-process on a free port with the probe manifest: the real
 * @forge/resolver, @forge/api and @forge/kvs run behind it against the Jira simulator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_USERS } from '../demo/users';
import { PROBE_MANIFEST, PROBE_SOURCE_DIR, REPO_ROOT, buildProbe } from './fixtures/build-probe';
import { startHost } from './host';
import type { HostOptions, RunningHost } from './host';

const probeOptions: HostOptions = { port: 0, rootDir: REPO_ROOT, manifestPath: PROBE_MANIFEST, sourceDir: PROBE_SOURCE_DIR };
let host: RunningHost;

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(host.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function invoke(body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await post('/__sandbox/invoke', { module: 'jira:projectPage', project: 'THR', ...body });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

beforeAll(async () => {
  await buildProbe();
  host = await startHost(probeOptions);
});

afterAll(async () => {
  await host.close();
});

afterEach(async () => {
  await post('/__sandbox/faults', {});
});

describe('POST /__sandbox/invoke', () => {
  test('runs the resolver as the named user with the project page context', async () => {
    const { status, json } = await invoke({ user: 'productManager', functionKey: 'whoami', payload: { n: 1 } });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      accountId: DEMO_USERS.productManager,
      moduleKey: 'probe-page',
      payload: { n: 1 },
      extension: { type: 'jira:projectPage', project: { key: 'THR', type: 'software' } },
    });
    const extension = json['extension'] as { project: { id: string }; location: string };
    expect(extension.project.id).toMatch(/^\d+$/);
    expect(extension.location).toMatch(/^https:\/\/throughline-demo\.atlassian\.net\/jira\/software\/projects\/THR\/apps\//);
  });

  test('gives an issue panel the issue, its project and isNewToIssue', async () => {
    const { status, json } = await invoke({ user: 'developer', module: 'issue-panel', issue: 'THR-1', functionKey: 'whoami' });
    expect(status).toBe(200);
    expect(json['extension']).toMatchObject({
      type: 'jira:issuePanel',
      issue: { key: 'THR-1', type: 'Epic' },
      project: { key: 'THR' },
      isNewToIssue: false,
      location: 'https://throughline-demo.atlassian.net/browse/THR-1',
    });
  });

  test('gives a global page only its type and location, and an anonymous caller no account', async () => {
    const { json } = await invoke({ user: 'anonymous', module: 'global-page', functionKey: 'whoami' });
    expect(json['accountId']).toBeNull();
    expect(Object.keys(json['extension'] as object).sort()).toEqual(['location', 'type']);
  });

  test('asUser().requestJira inside the resolver runs as the acting user', async () => {
    const { json } = await invoke({ user: 'developer', functionKey: 'myself' });
    expect(json).toMatchObject({ status: 200, body: { accountId: DEMO_USERS.developer } });
  });

  test('answers 204 when the resolver returns nothing', async () => {
    expect((await invoke({ functionKey: 'nothing' })).status).toBe(204);
  });

  test('reports a resolver that throws as 500 with its message', async () => {
    const { status, json } = await invoke({ functionKey: 'boom' });
    expect(status).toBe(500);
    expect(json['error']).toMatchObject({ code: 'RESOLVER_ERROR', message: 'probe exploded' });
  });

  test('reports an unknown function key as Forge words it', async () => {
    const { json } = await invoke({ functionKey: 'missing' });
    expect(json['error']).toMatchObject({ message: "Resolver has no definition for 'missing'." });
  });

  test('refuses a payload over 500 KB with 413', async () => {
    const { status, json } = await invoke({ functionKey: 'whoami', payload: { blob: 'x'.repeat(500_001) } });
    expect(status).toBe(413);
    expect(json['error']).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  test('stops a resolver past its time limit with 504', async () => {
    const { status, json } = await invoke({ functionKey: 'sleep', payload: { ms: 300 }, timeoutMs: 50 });
    expect(status).toBe(504);
    expect(json['error']).toMatchObject({ code: 'INVOCATION_TIMEOUT' });
  });

  test.each([
    [{ module: 'admin-page' }, 404, 'unknown-module'],
    [{ user: 'nobody' }, 400, 'unknown-user'],
    [{ module: 'issue-panel', issue: 'NOPE-1' }, 400, 'unknown-issue'],
    [{ project: 'NOPE' }, 400, 'unknown-project'],
    [{ functionKey: undefined }, 400, 'invalid-request'],
  ])('refuses %j with %i %s', async (change, status, code) => {
    const response = await invoke({ functionKey: 'whoami', ...change });
    expect(response.status).toBe(status);
    expect(response.json['error']).toMatchObject({ code });
  });
});

describe('POST /__sandbox/jira', () => {
  test('passes the simulator reply through as the named user', async () => {
    const response = await post('/__sandbox/jira', { user: 'developer', path: '/rest/api/3/myself' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-sandbox-error')).toBeNull();
    expect(await response.json()).toMatchObject({ accountId: DEMO_USERS.developer });
  });

  test('lets Jira answer an anonymous caller', async () => {
    const response = await post('/__sandbox/jira', { user: 'anonymous', path: '/rest/api/3/myself' });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-sandbox-error')).toBeNull();
  });

  test('answers as Forge does when the manifest lacks the operation’s scopes (the probe has no agile scope)', async () => {
    const response = await post('/__sandbox/jira', { user: 'developer', path: '/rest/agile/1.0/board?projectKeyOrId=THR' });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(response.headers.get('x-sandbox-error')).toBeNull();
    expect(await response.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
  });

  test('marks its own refusals with x-sandbox-error', async () => {
    const response = await post('/__sandbox/jira', { user: 'developer', path: 'rest/api/3/myself' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-sandbox-error')).toBe('invalid-request');
  });
});

describe('POST /__sandbox/faults', () => {
  test('arms a 429 for the next request only', async () => {
    const armed = await post('/__sandbox/faults', { rateLimit: { count: 1, signal: 'retry-after', retryAfterSeconds: 2 } });
    expect(armed.status).toBe(200);
    const limited = await post('/__sandbox/jira', { user: 'developer', path: '/rest/api/3/myself' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await post('/__sandbox/jira', { user: 'developer', path: '/rest/api/3/myself' })).status).toBe(200);
  });

  test('arms Jira, proxy and storage faults together and reports them', async () => {
    await post('/__sandbox/faults', { jira: { serverError: { count: 1, status: 503 } }, kvs: { latencyMs: 1 } });
    const current = (await (await fetch(`${host.url}/__sandbox/faults`)).json()) as { faults: unknown };
    expect(current.faults).toEqual({ jira: { serverError: { count: 1, status: 503 } }, kvs: { latencyMs: 1 } });
  });

  test('refuses a fault it does not know', async () => {
    const response = await post('/__sandbox/faults', { rateLimit: { cuont: 1 } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid-faults');
  });
});

describe('state, context and reset', () => {
  test('GET /__sandbox/state summarises projects, epics, people and modules', async () => {
    const state = (await (await fetch(`${host.url}/__sandbox/state`)).json()) as {
      data: string;
      projects: Array<{ key: string; epics: Array<{ key: string }> }>;
      users: Array<{ role?: string }>;
      modules: Array<{ type: string; declared: boolean }>;
    };
    expect(state.data).toBe('demo');
    expect(state.projects.map((project) => project.key)).toEqual(expect.arrayContaining(['THR', 'MOB', 'FIN', 'OPS']));
    expect(state.projects.find((project) => project.key === 'THR')?.epics.length).toBeGreaterThan(0);
    expect(state.users.map((user) => user.role).filter(Boolean)).toEqual(['admin', 'productManager', 'developer', 'outsider']);
    expect(state.modules.filter((module) => !module.declared).map((module) => module.type)).toEqual(['jira:adminPage', 'jira:dashboardGadget']);
  });

  test('GET /__sandbox/context is what view.getContext() resolves to', async () => {
    const response = await fetch(`${host.url}/__sandbox/context?module=issue-panel&issue=THR-1&user=developer&theme=dark`);
    expect(await response.json()).toMatchObject({
      accountId: DEMO_USERS.developer,
      moduleKey: 'probe-panel',
      siteUrl: 'https://throughline-demo.atlassian.net',
      environmentType: 'DEVELOPMENT',
      locale: 'en-US',
      timezone: 'Europe/Berlin',
      theme: { colorMode: 'dark' },
      extension: { type: 'jira:issuePanel', issue: { key: 'THR-1' } },
    });
  });

  test('POST /__sandbox/reset empties storage', async () => {
    await invoke({ functionKey: 'remember', payload: { note: 'before reset' } });
    expect((await invoke({ functionKey: 'recall' })).json).toEqual({ note: 'before reset' });
    const reset = await post('/__sandbox/reset', {});
    expect(reset.status).toBe(200);
    expect((await invoke({ functionKey: 'recall' })).json).toEqual({ note: null });
  });
});

describe('storage file', () => {
  test('keeps storage across restarts unless started fresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-storage-'));
    const storageFile = join(dir, 'storage.json');
    const start = (fresh: boolean): Promise<RunningHost> => startHost({ ...probeOptions, storageFile, fresh });
    const recall = async (running: RunningHost): Promise<unknown> => {
      const response = await fetch(`${running.url}/__sandbox/invoke`, {
        method: 'POST',
        body: JSON.stringify({ project: 'THR', functionKey: 'recall' }),
      });
      return response.json();
    };
    try {
      const first = await start(true);
      await fetch(`${first.url}/__sandbox/invoke`, {
        method: 'POST',
        body: JSON.stringify({ project: 'THR', functionKey: 'remember', payload: { note: 'kept' } }),
      });
      await first.close();
      const second = await start(false);
      expect(await recall(second)).toEqual({ note: 'kept' });
      await second.close();
      const third = await start(true);
      expect(await recall(third)).toEqual({ note: null });
      await third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
