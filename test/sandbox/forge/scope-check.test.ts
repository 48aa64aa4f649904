/**
 * Forge's proxy refuses a Jira operation the manifest's scopes do not cover, before Jira sees it,
 * with the 401 Forge sends; the app reads it as an ordinary Response (no SDK error).
 */
import { asApp, asUser, route } from '@forge/api';
import { buildDemoSite, DEMO_USERS } from '../demo';
import { JiraSimulator } from '../jira/simulator';
import { ForgeSandbox } from './sandbox';

const site = buildDemoSite();
const jira = new JiraSimulator(site);
const board = site.boards.find((candidate) => candidate.type === 'scrum');
if (!board) throw new Error('The demo site changed: a scrum board is expected');

/** The manifest before the board configuration scope was added. */
const withoutBoardAdmin = ['read:jira-work', 'read:board-scope:jira-software', 'read:project:jira', 'read:sprint:jira-software', 'storage:app'];
const sandboxFor = (scopes: string[] | undefined) => new ForgeSandbox({ jira, ...(scopes ? { manifest: { scopes, entities: [] } } : {}) });

const configuration = (id: number) => route`/rest/agile/1.0/board/${id}/configuration`;

beforeEach(() => jira.resetStats());

describe("Forge's scope check", () => {
  test('refuses board configuration without read:board-scope.admin:jira-software, as asUser and asApp, before Jira', async () => {
    const sandbox = sandboxFor(withoutBoardAdmin);
    sandbox.install();
    const replies = await sandbox.run(
      async () => {
        const asTheUser = await asUser().requestJira(configuration(board.id));
        const asTheApp = await asApp().requestJira(configuration(board.id));
        return Promise.all(
          [asTheUser, asTheApp].map(async (response) => ({
            status: response.status,
            category: response.headers.get('x-failure-category'),
            proxyError: response.headers.get('forge-proxy-error'),
            body: await response.json(),
          })),
        );
      },
      { accountId: DEMO_USERS.admin },
    );
    for (const reply of replies) {
      expect(reply).toEqual({
        status: 401,
        category: 'FAILURE_CLIENT_SCOPE_CHECK',
        proxyError: null,
        body: { code: 401, message: 'Unauthorized; scope does not match' },
      });
    }
    expect(jira.stats.requests).toBe(0);
    // The app made the calls: they show in the invocation's record, with Forge's status.
    expect(sandbox.lastInvocation?.jiraCalls.map((call) => call.status)).toEqual([401, 401]);
    sandbox.uninstall();
  });

  test('lets board configuration through once the manifest holds its granular set', async () => {
    const sandbox = sandboxFor([...withoutBoardAdmin, 'read:board-scope.admin:jira-software']);
    sandbox.install();
    const status = await sandbox.run(async () => (await asUser().requestJira(configuration(board.id))).status, { accountId: DEMO_USERS.admin });
    expect(status).toBe(200);
    expect(jira.stats.byRoute['GET /rest/agile/1.0/board/{boardId}/configuration']).toBe(1);
    sandbox.uninstall();
  });

  test('the agile API refuses the classic scopes; REST v3 takes them', async () => {
    const sandbox = sandboxFor(['read:jira-work', 'write:jira-work', 'read:jira-user']);
    sandbox.install();
    const statuses = await sandbox.run(
      async () => ({
        boards: (await asUser().requestJira(route`/rest/agile/1.0/board?projectKeyOrId=${'THR'}`)).status,
        project: (await asUser().requestJira(route`/rest/api/3/project/${'THR'}`)).status,
      }),
      { accountId: DEMO_USERS.productManager },
    );
    expect(statuses).toEqual({ boards: 401, project: 200 });
    sandbox.uninstall();
  });

  test('a write needs the write scope', async () => {
    const sandbox = sandboxFor(['read:jira-work']);
    sandbox.install();
    const epic = site.issues.find((issue) => issue.projectId === site.projects.find((p) => p.key === 'THR')?.id);
    const status = await sandbox.run(
      async () =>
        (await asUser().requestJira(route`/rest/api/3/issue/${epic?.key ?? ''}/properties/${'probe'}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' }))
          .status,
      { accountId: DEMO_USERS.productManager },
    );
    expect(status).toBe(401);
    expect(epic?.properties['probe']).toBeUndefined();
    sandbox.uninstall();
  });

  test('Custom UI requestJira (productRequest) is checked the same way', async () => {
    const sandbox = sandboxFor(withoutBoardAdmin);
    const refused = await sandbox.productRequest({ method: 'GET', path: `/rest/agile/1.0/board/${board.id}/configuration`, caller: { kind: 'user', accountId: DEMO_USERS.admin } });
    expect(refused).toEqual({
      status: 401,
      headers: { 'content-type': 'application/json', 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
      body: JSON.stringify({ code: 401, message: 'Unauthorized; scope does not match' }),
    });
    const allowed = await sandbox.productRequest({ method: 'GET', path: '/rest/api/3/field', caller: { kind: 'user', accountId: DEMO_USERS.admin } });
    expect(allowed.status).toBe(200);
  });

  test('a sandbox built without a manifest checks no scopes (tests of the runtime alone)', async () => {
    const sandbox = sandboxFor(undefined);
    expect(sandbox.grantedScopes).toBeUndefined();
    const reply = await sandbox.productRequest({ method: 'GET', path: `/rest/agile/1.0/board/${board.id}/configuration`, caller: { kind: 'user', accountId: DEMO_USERS.admin } });
    expect(reply.status).toBe(200);
  });

  test('a manifest with no scopes at all may call nothing', async () => {
    const sandbox = sandboxFor([]);
    const reply = await sandbox.productRequest({ method: 'GET', path: '/rest/api/3/myself', caller: { kind: 'user', accountId: DEMO_USERS.admin } });
    expect(reply.status).toBe(401);
  });
});
