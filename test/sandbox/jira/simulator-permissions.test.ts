import { DEMO_USERS } from '../demo';
import type { ErrorBody, SearchPage } from './simulator-kit';
import { ANONYMOUS, APP, asUser, bodyOf, demoSimulator, jql, send } from './simulator-kit';

const ISSUE_HIDDEN = 'Issue does not exist or you do not have permission to see it.';

function projectKeysOf(page: SearchPage): string[] {
  return [...new Set(page.issues.map((i) => (i.key ?? '').split('-')[0] ?? ''))].sort();
}

const EPICS = `/rest/api/3/search/jql?jql=${jql('issuetype = Epic')}&fields=summary&maxResults=100`;

describe('who sees what', () => {
  test('search leaves out issues in projects the caller cannot browse', async () => {
    const sim = demoSimulator();
    const forDeveloper = bodyOf<SearchPage>(await send(sim, { path: EPICS, caller: asUser('developer') }));
    const forOutsider = bodyOf<SearchPage>(await send(sim, { path: EPICS, caller: asUser('outsider') }));

    expect(projectKeysOf(forDeveloper)).toEqual(['MOB', 'OPS', 'THR']);
    expect(projectKeysOf(forOutsider)).toEqual(['FIN']);
  });

  test('the app user browses every project', async () => {
    const page = bodyOf<SearchPage>(await send(demoSimulator(), { path: EPICS, caller: APP }));

    expect(projectKeysOf(page)).toEqual(['FIN', 'MOB', 'OPS', 'THR']);
  });

  test('approximate-count counts only the issues the caller may see', async () => {
    const sim = demoSimulator();
    const count = async (role: 'developer' | 'admin') =>
      bodyOf<{ count: number }>(
        await send(sim, { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql: 'issuetype = Epic' }, caller: asUser(role) }),
      ).count;

    expect(await count('developer')).toBeLessThan(await count('admin'));
  });

  test('an issue in a hidden project is a 404 worded exactly like a missing one', async () => {
    const sim = demoSimulator();
    const hidden = await send(sim, { path: '/rest/api/3/issue/FIN-1' });
    const missing = await send(sim, { path: '/rest/api/3/issue/THR-99999' });

    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(bodyOf<ErrorBody>(hidden).errorMessages).toEqual([ISSUE_HIDDEN]);
    expect(hidden.body).toBe(missing.body);
  });

  test('setting a property needs edit permission: a viewer gets 403, a developer gets through', async () => {
    const sim = demoSimulator();
    const asViewer = await send(sim, { method: 'PUT', path: '/rest/api/3/issue/OPS-1/properties/note', body: { x: 1 } });
    const asDeveloper = await send(sim, { method: 'PUT', path: '/rest/api/3/issue/OPS-1/properties/note', body: { x: 1 }, caller: asUser('developer') });

    expect(asViewer.status).toBe(403);
    expect(bodyOf<ErrorBody>(asViewer).errorMessages).toEqual(['You do not have permission to edit issue properties.']);
    expect(asDeveloper.status).toBe(201);
  });

  test('anonymous sees nothing: 401 on myself, an empty search, 404 on issues', async () => {
    const sim = demoSimulator();

    expect((await send(sim, { path: '/rest/api/3/myself', caller: ANONYMOUS })).status).toBe(401);
    expect(bodyOf<SearchPage>(await send(sim, { path: EPICS, caller: ANONYMOUS })).issues).toEqual([]);
    expect((await send(sim, { path: '/rest/api/3/issue/THR-1', caller: ANONYMOUS })).status).toBe(404);
  });

  test('myself is the calling person, or the app user when the app calls', async () => {
    const sim = demoSimulator();
    const me = bodyOf<{ accountId: string; accountType: string }>(await send(sim, { path: '/rest/api/3/myself' }));
    const app = bodyOf<{ accountType: string }>(await send(sim, { path: '/rest/api/3/myself', caller: APP }));

    expect(me).toMatchObject({ accountId: DEMO_USERS.productManager, accountType: 'atlassian' });
    expect(app.accountType).toBe('app');
  });

  test('project search lists only the projects the caller can browse', async () => {
    const sim = demoSimulator();
    const keys = async (role: 'productManager' | 'outsider') =>
      bodyOf<{ values: Array<{ key: string }> }>(await send(sim, { path: '/rest/api/3/project/search', caller: asUser(role) })).values.map(
        (p) => p.key,
      );

    expect(await keys('productManager')).toEqual(['MOB', 'OPS', 'THR']);
    expect(await keys('outsider')).toEqual(['FIN']);
  });

  test('project search by ids leaves out the ids the caller cannot browse, as if they did not exist', async () => {
    const sim = demoSimulator();
    const ids = sim.site.projects.map((p) => `id=${p.id}`).join('&');
    const keys = async (role: 'productManager' | 'outsider') =>
      bodyOf<{ values: Array<{ key: string }>; total: number }>(
        await send(sim, { path: `/rest/api/3/project/search?${ids}&action=browse`, caller: asUser(role) }),
      );

    expect(await keys('productManager')).toMatchObject({ total: 3, values: [{ key: 'MOB' }, { key: 'OPS' }, { key: 'THR' }] });
    expect(await keys('outsider')).toMatchObject({ total: 1, values: [{ key: 'FIN' }] });
  });

  test('a hidden project is 404, by key and by id', async () => {
    const sim = demoSimulator();

    expect((await send(sim, { path: '/rest/api/3/project/FIN' })).status).toBe(404);
    expect((await send(sim, { path: '/rest/api/3/project/10002' })).status).toBe(404);
    expect((await send(sim, { path: '/rest/api/3/project/FIN', caller: asUser('outsider') })).status).toBe(200);
  });
});

describe('mypermissions', () => {
  type Answer = { permissions: Record<string, { havePermission: boolean }> };
  const ask = async (role: 'productManager' | 'developer' | 'admin', query: string) =>
    bodyOf<Answer>(
      await send(demoSimulator(), {
        path: `/rest/api/3/mypermissions?${query}&permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER_PROJECTS,ADMINISTER`,
        caller: asUser(role),
      }),
    ).permissions;
  const held = (answer: Answer['permissions']) =>
    Object.entries(answer)
      .filter(([, p]) => p.havePermission)
      .map(([key]) => key);

  test('the product manager administers THR; the developer only browses and edits it', async () => {
    expect(held(await ask('productManager', 'projectKey=THR'))).toEqual(['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS']);
    expect(held(await ask('developer', 'projectKey=THR'))).toEqual(['BROWSE_PROJECTS', 'EDIT_ISSUES']);
  });

  test('only the Jira admin holds the global ADMINISTER', async () => {
    expect(held(await ask('admin', 'projectId=10000'))).toContain('ADMINISTER');
    expect(held(await ask('productManager', 'projectId=10000'))).not.toContain('ADMINISTER');
  });

  test('the issue context works like its project', async () => {
    expect(held(await ask('productManager', 'issueKey=OPS-1'))).toEqual(['BROWSE_PROJECTS']);
  });

  test('without a project, a project permission held anywhere counts', async () => {
    expect(held(await ask('developer', 'x=1'))).toEqual(['BROWSE_PROJECTS', 'EDIT_ISSUES']);
  });

  test('the permissions parameter is required, and a hidden project is 404', async () => {
    const sim = demoSimulator();

    expect((await send(sim, { path: '/rest/api/3/mypermissions?projectKey=THR' })).status).toBe(400);
    expect((await send(sim, { path: '/rest/api/3/mypermissions?projectKey=FIN&permissions=BROWSE_PROJECTS' })).status).toBe(404);
  });
});
