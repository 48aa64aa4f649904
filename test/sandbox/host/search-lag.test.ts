/**
 * `npm start` runs the simulated Jira with its search index behind writes, as a real site's is;
 * the lag belongs to the host, so a reset world keeps it.
 */
import { DEMO_USERS } from '../demo/users';
import type { JiraSimulator } from '../jira/simulator';
import { PROBE_MANIFEST, PROBE_SOURCE_DIR, REPO_ROOT, buildProbe } from './fixtures/build-probe';
import { startHost } from './host';
import type { RunningHost } from './host';

let host: RunningHost;

beforeAll(async () => {
  await buildProbe();
  host = await startHost({ port: 0, rootDir: REPO_ROOT, manifestPath: PROBE_MANIFEST, sourceDir: PROBE_SOURCE_DIR, searchIndexLagMs: 60_000 });
});

afterAll(async () => {
  await host.close();
});

const caller = { kind: 'user' as const, accountId: DEMO_USERS.productManager };

/** Writes a property the site indexes for JQL (the probe manifest declares none). */
async function writeProbe(jira: JiraSimulator): Promise<void> {
  jira.site.entityPropertyIndexes.push({ propertyKey: 'lag-probe', values: [{ path: 'n', type: 'number' }] });
  const put = await jira.handle({ method: 'PUT', path: '/rest/api/3/issue/THR-1/properties/lag-probe', body: JSON.stringify({ n: 1 }), caller });
  expect(put.status).toBe(201);
}

async function probeFound(jira: JiraSimulator): Promise<boolean> {
  const jql = encodeURIComponent('issue.property[lag-probe].n = 1');
  const found = await jira.handle({ method: 'GET', path: `/rest/api/3/search/jql?jql=${jql}&fields=key`, caller });
  expect(found.status).toBe(200);
  return (JSON.parse(found.body) as { issues: unknown[] }).issues.length > 0;
}

test('the host’s Jira shows a write to JQL only after its search index lag, also after a reset', async () => {
  await writeProbe(host.jira);
  expect(await probeFound(host.jira)).toBe(false);
  expect((await fetch(`${host.url}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
  await writeProbe(host.jira);
  expect(await probeFound(host.jira)).toBe(false);
  host.jira.setSearchIndexLag(0); // indexes what is pending: the query itself finds the write
  expect(await probeFound(host.jira)).toBe(true);
});
