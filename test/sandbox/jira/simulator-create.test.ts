/**
 * Creating issues in the simulator as Jira Cloud does (OpenAPI createIssue, getCreateIssueMetaIssueTypes,
 * getCreateIssueMetaIssueTypeId): Create Issues is required for both the metadata and the create,
 * required fields and Jira's own field rules answer 400 with `errors` by field, and a created issue
 * reaches JQL only after the search index lag unless the search reconciles it.
 */
import { asUser, bodyOf, demoSimulator, send } from './simulator-kit';

const epicOf = (projectId: string, summary: string, extra: Record<string, unknown> = {}) => ({
  method: 'POST',
  path: '/rest/api/3/issue',
  body: { fields: { project: { id: projectId }, issuetype: { id: projectId === '10001' ? '10010' : '10000' }, summary, ...extra } },
});

describe('POST /rest/api/3/issue', () => {
  test('creates the issue as the caller, with the next key, To Do, and the properties it was sent with', async () => {
    const sim = demoSimulator();
    const before = sim.site.issues.length;
    const response = await send(sim, { ...epicOf('10000', 'Guest wishlist'), body: { ...epicOf('10000', 'Guest wishlist').body, properties: [{ key: 'throughline-links', value: { roadmapItemIds: ['i-1'] } }] } });
    expect(response.status).toBe(201);
    const { id, key } = bodyOf<{ id: string; key: string }>(response);
    const issue = sim.site.issues.find((candidate) => candidate.id === id)!;
    expect(sim.site.issues).toHaveLength(before + 1);
    expect(key).toMatch(/^THR-\d+$/);
    expect(sim.site.issues.filter((candidate) => candidate.key === key)).toHaveLength(1);
    expect(issue).toMatchObject({ summary: 'Guest wishlist', issueTypeId: '10000', properties: { 'throughline-links': { roadmapItemIds: ['i-1'] } } });
    expect(sim.site.statuses.find((status) => status.id === issue.statusId)?.category).toBe('new');
  });

  test('refuses without Create Issues, without Browse, and anonymously; nothing is created', async () => {
    const sim = demoSimulator();
    const before = sim.site.issues.length;
    // The product manager only browses OPS.
    expect(bodyOf(await send(sim, epicOf('10003', 'Nope')))).toMatchObject({ errors: { project: 'You do not have permission to create issues in this project.' } });
    expect((await send(sim, epicOf('10002', 'Nope'))).status).toBe(400);
    expect((await send(sim, { ...epicOf('10000', 'Nope'), caller: { kind: 'anonymous' } })).status).toBe(401);
    expect(sim.site.issues).toHaveLength(before);
  });

  test('names each field it refuses: required and missing, not on the screen, a plain-string description, a long or two-line summary', async () => {
    const sim = demoSimulator();
    const refused = async (call: ReturnType<typeof epicOf>) => {
      const response = await send(sim, call);
      expect(response.status).toBe(400);
      return bodyOf<{ errors: Record<string, string> }>(response).errors;
    };
    expect(await refused(epicOf('10001', 'Offline'))).toEqual({ components: 'Component/s is required.' });
    expect(await refused(epicOf('10000', ''))).toEqual({ summary: 'You must specify a summary of the issue.' });
    expect(await refused(epicOf('10000', 'x'.repeat(256)))).toEqual({ summary: 'Summary must be less than 255 characters.' });
    expect(await refused(epicOf('10000', 'a\nb'))).toEqual({ summary: 'Field summary cannot contain newline characters.' });
    expect(Object.keys(await refused(epicOf('10000', 'Ok', { description: 'plain text' })))).toEqual(['description']);
    expect(Object.keys(await refused(epicOf('10000', 'Ok', { customfield_99999: 1 })))).toEqual(['customfield_99999']);
    const ok = await send(sim, epicOf('10000', 'Ok', { description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] } }));
    expect(ok.status).toBe(201);
  });
});

describe('create metadata', () => {
  test('lists creatable issue types with their hierarchy level, and each type’s fields with `required`', async () => {
    const sim = demoSimulator();
    const types = bodyOf<{ issueTypes: Array<{ id: string; hierarchyLevel: number }>; total: number }>(await send(sim, { path: '/rest/api/3/issue/createmeta/MOB/issuetypes' }));
    expect(types.issueTypes.find((type) => type.hierarchyLevel === 1)?.id).toBe('10010');
    const fields = bodyOf<{ fields: Array<{ fieldId: string; required: boolean; hasDefaultValue: boolean }> }>(await send(sim, { path: '/rest/api/3/issue/createmeta/MOB/issuetypes/10010' }));
    expect(fields.fields.filter((field) => field.required && !field.hasDefaultValue).map((field) => field.fieldId).sort()).toEqual(['components', 'issuetype', 'project', 'summary']);
    expect((await send(sim, { path: '/rest/api/3/issue/createmeta/MOB/issuetypes?maxResults=201' })).status).toBe(400);
  });

  test('tells someone without Create Issues nothing: no issue types, 404 for a type’s fields', async () => {
    const sim = demoSimulator();
    expect(bodyOf<{ issueTypes: unknown[] }>(await send(sim, { path: '/rest/api/3/issue/createmeta/OPS/issuetypes' })).issueTypes).toEqual([]);
    expect((await send(sim, { path: '/rest/api/3/issue/createmeta/OPS/issuetypes/10000' })).status).toBe(404);
  });
});

describe('a created issue and the search index', () => {
  test('search finds it only after the lag, unless it reconciles it; a direct read finds it at once', async () => {
    let elapsed = 0;
    const sim = demoSimulator();
    sim.setSearchIndexLag(1_000, () => elapsed);
    const { id, key } = bodyOf<{ id: string; key: string }>(await send(sim, epicOf('10000', 'Guest wishlist')));
    const search = async (reconcile: number[] = []) =>
      bodyOf<{ issues: Array<{ key: string }> }>(await send(sim, { method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = THR AND summary ~ "wishlist" AND issuetype = Epic', fields: ['summary'], reconcileIssues: reconcile } })).issues.map((issue) => issue.key);
    expect(await search()).not.toContain(key);
    expect(await search([Number(id)])).toContain(key);
    expect((await send(sim, { path: `/rest/api/3/issue/${key}` })).status).toBe(200);
    elapsed += 1_000;
    expect(await search()).toContain(key);
  });
});
