import type { ErrorBody, SearchPage } from './simulator-kit';
import { asUser, bodyOf, demoSimulator, jql, send } from './simulator-kit';

interface VersionBean {
  id: string;
  name: string;
  archived: boolean;
  released: boolean;
  overdue: boolean;
  releaseDate?: string;
  projectId: number;
}

describe('project versions', () => {
  test('GET /project/{key}/versions lists every version in Jira\'s shape, overdue on the site\'s clock', async () => {
    const sim = demoSimulator();
    const response = await send(sim, { path: '/rest/api/3/project/THR/versions' });
    expect(response.status).toBe(200);
    const versions = bodyOf<VersionBean[]>(response);
    expect(versions.map((v) => v.name)).toEqual(['2.0', '2.1', '2.2', '2.3', '2.4', '3.0']);
    expect(versions[3]).toEqual({
      self: `https://throughline-demo.atlassian.net/rest/api/3/version/${versions[3]!.id}`,
      id: versions[3]!.id,
      description: 'Loyalty and returns',
      name: '2.3',
      archived: false,
      released: false,
      startDate: '2026-10-01',
      userStartDate: '1/Oct/2026',
      releaseDate: '2026-11-13',
      userReleaseDate: '13/Nov/2026',
      overdue: true,
      projectId: 10000,
    });
    expect(versions.filter((v) => v.overdue).map((v) => v.name)).toEqual(['2.3']);
    expect(versions.filter((v) => v.archived).map((v) => v.name)).toEqual(['2.0']);
    // The same list by id.
    expect(bodyOf<VersionBean[]>(await send(sim, { path: '/rest/api/3/project/10000/versions' }))).toEqual(versions);
  });

  test('a project the caller cannot browse answers 404, as one that does not exist', async () => {
    const sim = demoSimulator();
    const hidden = await send(sim, { path: '/rest/api/3/project/FIN/versions', caller: asUser('productManager') });
    const missing = await send(sim, { path: '/rest/api/3/project/NOPE/versions' });
    expect(hidden.status).toBe(404);
    expect(bodyOf<ErrorBody>(hidden).errorMessages).toEqual(bodyOf<ErrorBody>(missing).errorMessages.map((m) => m.replace('NOPE', 'FIN')));
    expect((await send(sim, { path: '/rest/api/3/project/THR/versions', caller: asUser('outsider') })).status).toBe(404);
    expect((await send(sim, { path: '/rest/api/3/project/FIN/versions', caller: asUser('outsider') })).status).toBe(200);
  });

  test('the paged list filters by status, orders and pages', async () => {
    const sim = demoSimulator();
    const page = bodyOf<{ values: VersionBean[]; total: number; isLast: boolean; nextPage?: string }>(
      await send(sim, { path: '/rest/api/3/project/THR/version?status=unreleased&orderBy=-releaseDate&maxResults=2' }),
    );
    expect(page.total).toBe(3);
    expect(page.values.map((v) => v.name)).toEqual(['3.0', '2.4']);
    expect(page.isLast).toBe(false);
    expect(page.nextPage).toContain('startAt=2');
    expect((await send(sim, { path: '/rest/api/3/project/THR/version?orderBy=colour' })).status).toBe(400);
  });
});

describe('fixVersions and issuelinks on issues', () => {
  const epicSearch = (summary: string) =>
    `/rest/api/3/search/jql?jql=${jql(`project = THR AND summary ~ "${summary}"`)}&fields=summary,fixVersions,issuelinks,issuetype`;

  test('an epic shows its Blocks links from its own side; children show their fix versions', async () => {
    const sim = demoSimulator();
    const epic = bodyOf<SearchPage>(await send(sim, { path: epicSearch('Multi-currency pricing') })).issues.find(
      (issue) => issue.fields?.summary === 'Multi-currency pricing',
    )!;
    expect(epic.fields?.issuelinks).toEqual([
      expect.objectContaining({
        type: expect.objectContaining({ name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }),
        outwardIssue: expect.objectContaining({ key: expect.stringMatching(/^THR-/), fields: expect.objectContaining({ summary: 'Promo code engine' }) }),
      }),
    ]);
    const children = bodyOf<SearchPage>(await send(sim, { path: `/rest/api/3/search/jql?jql=${jql(`parent = ${epic.id}`)}&fields=fixVersions` }));
    expect(children.issues.length).toBeGreaterThan(0);
    for (const child of children.issues) expect(child.fields?.fixVersions).toEqual([expect.objectContaining({ name: '2.4', released: false, releaseDate: '2026-12-18' })]);
  });

  test('a link to an issue the caller may not see is left out', async () => {
    const sim = demoSimulator();
    const linksOf = async (role: 'productManager' | 'developer') =>
      bodyOf<SearchPage>(await send(sim, { path: epicSearch('Cookie consent'), caller: asUser(role) })).issues.find(
        (issue) => issue.fields?.summary === 'Cookie consent v2',
      )?.fields?.issuelinks;
    expect(await linksOf('productManager')).toEqual([expect.objectContaining({ inwardIssue: expect.objectContaining({ fields: expect.objectContaining({ summary: 'Personalised recommendations' }) }) })]);
    expect(await linksOf('developer')).toEqual([]);
  });
});
