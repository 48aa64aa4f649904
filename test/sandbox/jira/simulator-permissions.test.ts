import { DEMO_USERS } from '../demo';
import type { Caller } from './simulator';
import type { ErrorBody, SearchPage } from './simulator-kit';
import { ANONYMOUS, APP, asUser, bodyOf, demoSimulator, issueNamed, jql, send } from './simulator-kit';

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

  test('the app user holds only what the add-on role holds: FIN took Browse Projects off it', async () => {
    const sim = demoSimulator();
    const page = bodyOf<SearchPage>(await send(sim, { path: EPICS, caller: APP }));
    const permissions = async (query: string) =>
      send(sim, { path: `/rest/api/3/mypermissions?${query}&permissions=BROWSE_PROJECTS,EDIT_ISSUES`, caller: APP });

    expect(projectKeysOf(page)).toEqual(['MOB', 'OPS', 'THR']);
    expect((await send(sim, { path: '/rest/api/3/project/FIN', caller: APP })).status).toBe(404);
    expect((await send(sim, { path: '/rest/api/3/issue/FIN-1', caller: APP })).status).toBe(404);
    expect((await permissions('projectKey=FIN')).status).toBe(404);
    expect(bodyOf<{ permissions: Record<string, { havePermission: boolean }> }>(await permissions('projectKey=THR')).permissions).toMatchObject({
      BROWSE_PROJECTS: { havePermission: true },
      EDIT_ISSUES: { havePermission: true },
    });
    const count = bodyOf<{ count: number }>(
      await send(sim, { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql: 'project in (FIN, THR)' }, caller: APP }),
    );
    expect(count).toMatchObject({ errorMessages: ["The value 'FIN' does not exist for the field 'project'."] });
  });

  test('taking Browse Projects off the add-on role hides that project from the app at once', async () => {
    const sim = demoSimulator();
    const thr = sim.site.projects.find((p) => p.key === 'THR');
    if (!thr) throw new Error('no THR');
    thr.addonRolePermissions = ['EDIT_ISSUES'];

    expect(projectKeysOf(bodyOf<SearchPage>(await send(sim, { path: EPICS, caller: APP })))).toEqual(['MOB', 'OPS']);
    expect((await send(sim, { method: 'PUT', path: '/rest/api/3/issue/THR-1/properties/note', body: { x: 1 }, caller: APP })).status).toBe(404);
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

describe('issue security levels', () => {
  const CONFIDENTIAL_EPIC = 'THR-167';
  const CONFIDENTIAL_CHILD = 'THR-168';
  /** A child of an epic everyone sees, itself confidential. */
  const CONFIDENTIAL_STRAY = 'THR-12';
  const THR_EPICS = `/rest/api/3/search/jql?jql=${jql('project = THR AND issuetype = Epic')}&fields=summary&maxResults=100`;
  const callers = { productManager: asUser('productManager'), admin: asUser('admin'), developer: asUser('developer'), app: APP };

  const keysFor = async (sim: ReturnType<typeof demoSimulator>, path: string, caller: Caller) =>
    bodyOf<SearchPage>(await send(sim, { path, caller })).issues.map((i) => i.key);

  test('the demo’s Confidential level holds an epic with its children and one stray child, members only', () => {
    const site = demoSimulator().site;
    const level = site.securityLevels?.find((l) => l.name === 'Confidential');

    expect(level).toMatchObject({ includesAddonRole: false, memberAccountIds: [DEMO_USERS.admin, DEMO_USERS.productManager] });
    expect(issueNamed(site, CONFIDENTIAL_EPIC).securityLevelId).toBe(level?.id);
    expect(issueNamed(site, CONFIDENTIAL_CHILD).securityLevelId).toBe(level?.id);
    expect(issueNamed(site, CONFIDENTIAL_STRAY).securityLevelId).toBe(level?.id);
    expect(issueNamed(site, 'THR-13').securityLevelId).toBeUndefined();
  });

  test('search: members see the confidential epic; the developer and the app, browsers of THR, do not', async () => {
    const sim = demoSimulator();
    const seen = Object.fromEntries(
      await Promise.all(Object.entries(callers).map(async ([who, caller]) => [who, (await keysFor(sim, THR_EPICS, caller)).includes(CONFIDENTIAL_EPIC)] as const)),
    );

    expect(seen).toEqual({ productManager: true, admin: true, developer: false, app: false });
    // Everything else is the same list for all four.
    const others = async (caller: Caller) => (await keysFor(sim, THR_EPICS, caller)).filter((k) => k !== CONFIDENTIAL_EPIC);
    expect(await others(APP)).toEqual(await others(asUser('productManager')));
  });

  test('approximate-count leaves the hidden issues out of the developer’s and the app’s counts', async () => {
    const sim = demoSimulator();
    const secured = sim.site.issues.filter((i) => i.securityLevelId !== undefined).length;
    const count = async (caller: Caller) =>
      bodyOf<{ count: number }>(await send(sim, { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql: 'project = THR' }, caller })).count;

    expect(secured).toBeGreaterThan(5);
    expect(await count(asUser('productManager'))).toBe(await count(asUser('developer')) + secured);
    expect(await count(APP)).toBe(await count(asUser('developer')));
  });

  test('GET issue, its properties and its key in JQL: a non-member gets exactly the "does not exist" of a missing issue', async () => {
    const sim = demoSimulator();
    const missing = await send(sim, { path: '/rest/api/3/issue/THR-99999', caller: asUser('developer') });
    for (const caller of [asUser('developer'), APP]) {
      const hidden = await send(sim, { path: `/rest/api/3/issue/${CONFIDENTIAL_CHILD}`, caller });
      expect(hidden.status).toBe(404);
      expect(hidden.body).toBe(missing.body);
      expect((await send(sim, { path: `/rest/api/3/issue/${CONFIDENTIAL_CHILD}/properties`, caller })).status).toBe(404);
      expect((await send(sim, { method: 'PUT', path: `/rest/api/3/issue/${CONFIDENTIAL_CHILD}/properties/note`, body: { x: 1 }, caller })).status).toBe(404);
      const byKey = await send(sim, { path: `/rest/api/3/search/jql?jql=${jql(`parent = ${CONFIDENTIAL_EPIC}`)}`, caller });
      expect(byKey.status).toBe(400);
      expect(bodyOf<ErrorBody>(byKey).errorMessages).toEqual([`An issue with key '${CONFIDENTIAL_EPIC}' does not exist for field 'parent'.`]);
    }
    expect((await send(sim, { path: `/rest/api/3/issue/${CONFIDENTIAL_CHILD}`, caller: asUser('productManager') })).status).toBe(200);
    expect((await keysFor(sim, `/rest/api/3/search/jql?jql=${jql(`parent = ${CONFIDENTIAL_EPIC}`)}&fields=summary`, asUser('productManager'))).length).toBe(12);
  });

  test('the security field names the level to those who see the issue', async () => {
    const sim = demoSimulator();
    const issue = bodyOf<{ fields: { security: unknown } }>(await send(sim, { path: `/rest/api/3/issue/${CONFIDENTIAL_STRAY}?fields=security` }));
    const open = bodyOf<{ fields: { security: unknown } }>(await send(sim, { path: '/rest/api/3/issue/THR-13?fields=security' }));

    expect(issue.fields.security).toMatchObject({ id: '10100', name: 'Confidential' });
    expect(open.fields.security).toBeNull();
  });

  test('bulk fetch leaves the hidden issue out, as if it did not exist', async () => {
    const sim = demoSimulator();
    const fetch = async (caller: Caller) =>
      bodyOf<{ issues: Array<{ key: string }> }>(
        await send(sim, { method: 'POST', path: '/rest/api/3/issue/bulkfetch', body: { issueIdsOrKeys: [CONFIDENTIAL_STRAY, 'THR-13'], fields: ['summary'] }, caller }),
      ).issues.map((i) => i.key);

    expect(await fetch(asUser('developer'))).toEqual(['THR-13']);
    expect(await fetch(APP)).toEqual(['THR-13']);
    expect(await fetch(asUser('productManager'))).toEqual([CONFIDENTIAL_STRAY, 'THR-13']);
  });

  test('a sprint’s issues leave out the hidden ones, and its total counts only what the caller sees', async () => {
    const sim = demoSimulator();
    const child = issueNamed(sim.site, CONFIDENTIAL_CHILD);
    const sprintId = child.sprintIds[0];
    if (sprintId === undefined) throw new Error('the confidential child is in no sprint');
    const sprint = async (caller: Caller) =>
      bodyOf<{ total: number; issues: Array<{ key: string }> }>(await send(sim, { path: `/rest/agile/1.0/sprint/${sprintId}/issue?fields=summary`, caller }));
    const hiddenInSprint = sim.site.issues.filter((i) => i.sprintIds.includes(sprintId) && i.securityLevelId !== undefined).length;

    const forPm = await sprint(asUser('productManager'));
    const forDeveloper = await sprint(asUser('developer'));
    expect(forPm.issues.map((i) => i.key)).toContain(CONFIDENTIAL_CHILD);
    expect(forDeveloper.issues.map((i) => i.key)).not.toContain(CONFIDENTIAL_CHILD);
    expect(forDeveloper.total).toBe(forPm.total - hiddenInSprint);
    expect((await sprint(APP)).total).toBe(forDeveloper.total);
  });

  test('a level the site does not know hides its issues from everyone', async () => {
    const sim = demoSimulator();
    issueNamed(sim.site, 'THR-13').securityLevelId = '99999';

    expect((await send(sim, { path: '/rest/api/3/issue/THR-13', caller: asUser('admin') })).status).toBe(404);
  });
});
