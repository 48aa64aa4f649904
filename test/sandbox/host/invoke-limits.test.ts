/**
 * The host's invoke route under Forge's limits: a deep payload reaches the resolver (the runtime
 * double's own JSON crossing no longer overflows), and armed invocation rate limits refuse with 429.
 */
import { PROBE_MANIFEST, PROBE_SOURCE_DIR, REPO_ROOT, buildProbe } from './fixtures/build-probe';
import { startHost } from './host';
import type { RunningHost } from './host';

let host: RunningHost;

async function post(path: string, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(host.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const invoke = (payloadJson: string) =>
  post('/__sandbox/invoke', `{"module":"jira:projectPage","project":"THR","user":"productManager","functionKey":"sleep","payload":${payloadJson}}`);

beforeAll(async () => {
  await buildProbe();
  host = await startHost({ port: 0, rootDir: REPO_ROOT, manifestPath: PROBE_MANIFEST, sourceDir: PROBE_SOURCE_DIR });
});

afterAll(async () => {
  await host.close();
});

afterEach(async () => {
  await post('/__sandbox/faults', '{}');
});

test('a 10,000-deep payload reaches the resolver instead of failing as RESOLVER_ERROR', async () => {
  // Written as text: the test's own JSON.stringify would overflow at this depth.
  const deep = `{"ms":0,"deep":${'{"a":'.repeat(10_000)}{}${'}'.repeat(10_000)}}`;
  const { status, json } = await invoke(deep);
  expect(status).toBe(200);
  expect(json).toEqual({ slept: true });
});

test('armed invocation rate limits refuse past the per-user limit with 429', async () => {
  const armed = await post('/__sandbox/faults', JSON.stringify({ invocations: { perUser: 1 } }));
  expect(armed.status).toBe(200);
  expect((await invoke('{"ms":0}')).status).toBe(200);
  const refused = await invoke('{"ms":0}');
  expect(refused.status).toBe(429);
  expect(refused.json).toMatchObject({ error: { code: 'INVOCATION_RATE_LIMITED' } });
});

test('disarming the faults lifts the limits', async () => {
  await post('/__sandbox/faults', JSON.stringify({ invocations: { perUser: 0 } }));
  expect((await invoke('{"ms":0}')).status).toBe(429);
  await post('/__sandbox/faults', '{}');
  expect((await invoke('{"ms":0}')).status).toBe(200);
});
