import { FIELD_IDS } from '../demo';
import type { JiraSimulator } from './simulator';
import type { ErrorBody, SearchPage } from './simulator-kit';
import { APP, bodyOf, demoSimulator, issueNamed, jql, send } from './simulator-kit';

function searchPath(query: string, params = ''): string {
  return `/rest/api/3/search/jql?jql=${jql(query)}${params ? `&${params}` : ''}`;
}

async function search(sim: JiraSimulator, query: string, params = ''): Promise<SearchPage> {
  const response = await send(sim, { path: searchPath(query, params), caller: APP });
  expect(response.status).toBe(200);
  return bodyOf<SearchPage>(response);
}

describe('enhanced search paging', () => {
  test('pages through every match with nextPageToken, without gaps or repeats', async () => {
    const sim = demoSimulator();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await search(sim, 'project = THR ORDER BY key', `maxResults=40${token ? `&nextPageToken=${token}` : ''}`);
      seen.push(...page.issues.map((i) => i.id));
      token = page.nextPageToken;
      pages += 1;
      expect(page.isLast).toBe(token === undefined);
    } while (token);
    const count = bodyOf<{ count: number }>(
      await send(sim, { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql: 'project = THR' }, caller: APP }),
    ).count;

    expect(pages).toBeGreaterThan(1);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
  });

  test('the last page carries no token at all', async () => {
    const page = await search(demoSimulator(), 'project = OPS', 'maxResults=1000');

    expect(page.isLast).toBe(true);
    expect('nextPageToken' in page).toBe(false);
  });

  test('a token from a different query is refused', async () => {
    const sim = demoSimulator();
    const first = await search(sim, 'project = THR', 'maxResults=5');
    const response = await send(sim, { path: searchPath('project = MOB', `nextPageToken=${first.nextPageToken}`), caller: APP });

    expect(response.status).toBe(400);
  });

  test('POST pages like GET', async () => {
    const sim = demoSimulator();
    const viaGet = await search(sim, 'project = MOB ORDER BY created DESC', 'maxResults=7');
    const viaPost = bodyOf<SearchPage>(
      await send(sim, { method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = MOB ORDER BY created DESC', maxResults: 7 }, caller: APP }),
    );

    expect(viaPost).toEqual(viaGet);
  });

  const PAGE_SIZES: Array<[string, string, number | 'all']> = [
    ['no maxResults', '', 50],
    ['ids only, up to 5000', 'maxResults=5000', 'all'],
    ['fields requested, capped at 100', 'maxResults=5000&fields=summary', 100],
    ['properties requested, capped at 100', 'maxResults=5000&properties=x', 100],
  ];

  test.each(PAGE_SIZES)('page size: %s', async (_, params, expected) => {
    const page = await search(demoSimulator(), 'project in (THR, MOB)', params);

    if (expected === 'all') expect(page.isLast).toBe(true);
    else expect(page.issues).toHaveLength(expected);
  });
});

describe('enhanced search results', () => {
  test('returns only ids unless fields are asked for', async () => {
    const page = await search(demoSimulator(), 'project = THR', 'maxResults=3');

    expect(page.issues.every((i) => Object.keys(i).join() === 'id')).toBe(true);
  });

  test('returns exactly the requested fields', async () => {
    const page = await search(demoSimulator(), 'project = THR', 'maxResults=3&fields=summary,status');

    expect(Object.keys(page.issues[0]?.fields ?? {})).toEqual(['summary', 'status']);
  });

  test('a minus excludes a field from the navigable ones', async () => {
    const page = await search(demoSimulator(), 'project = THR', 'maxResults=1&fields=-summary');
    const fields = Object.keys(page.issues[0]?.fields ?? {});

    expect(fields).toContain('status');
    expect(fields).not.toContain('summary');
  });

  test('a child shows its epic, its sprints and its story points the way Jira does', async () => {
    const sim = demoSimulator();
    const child = sim.site.issues.find((i) => i.key.startsWith('THR-') && i.parentId && i.sprintIds.length > 0);
    const page = await search(sim, `key = ${child?.key}`, `fields=parent,${FIELD_IDS.sprint},${FIELD_IDS.storyPoints},created`);
    const fields = page.issues[0]?.fields ?? {};

    expect(fields.parent).toMatchObject({ id: child?.parentId, fields: { issuetype: { hierarchyLevel: 1 } } });
    expect(fields[FIELD_IDS.sprint]).toEqual(
      child?.sprintIds.map((id) => expect.objectContaining({ id, boardId: 1, state: expect.stringMatching(/closed|active|future/) })),
    );
    expect(fields[FIELD_IDS.storyPoints] === null || typeof fields[FIELD_IDS.storyPoints] === 'number').toBe(true);
    expect(fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  });

  test('an unestimated issue has null story points, and an epic no parent at all', async () => {
    const sim = demoSimulator();
    const unestimated = sim.site.issues.find((i) => i.parentId && i.key.startsWith('MOB-') && !(FIELD_IDS.storyPointEstimate in i.customFields));
    const page = await search(sim, `key in (${unestimated?.key}, MOB-1)`, `fields=parent,${FIELD_IDS.storyPointEstimate}`);
    const byKey = new Map(page.issues.map((i) => [i.key, i.fields ?? {}]));

    expect(byKey.get(unestimated?.key)?.[FIELD_IDS.storyPointEstimate]).toBeNull();
    expect(byKey.get('MOB-1')).not.toHaveProperty('parent');
  });

  test('inlines the requested properties, and refuses more than five', async () => {
    const sim = demoSimulator();
    issueNamed(sim.site, 'THR-1').properties.goal = { id: 'g1' };
    const page = await search(sim, 'key = THR-1', 'properties=goal,other');
    const refused = await send(sim, { path: searchPath('key = THR-1', 'properties=a,b,c,d,e,f'), caller: APP });

    expect(page.issues[0]?.properties).toEqual({ goal: { id: 'g1' } });
    expect(refused.status).toBe(400);
  });

  test('names and schema come with expand', async () => {
    const response = await send(demoSimulator(), { path: searchPath('key = THR-1', 'fields=summary&expand=names,schema'), caller: APP });

    expect(bodyOf<{ names: unknown; schema: unknown }>(response)).toMatchObject({
      names: { summary: 'Summary' },
      schema: { summary: { type: 'string', system: 'summary' } },
    });
  });
});

describe('search errors', () => {
  test.each([
    ['an empty query', ''],
    ['ORDER BY alone', 'ORDER BY key'],
  ])('refuses %s as unbounded', async (_, query) => {
    const response = await send(demoSimulator(), { path: searchPath(query), caller: APP });

    expect(response.status).toBe(400);
    expect(bodyOf<ErrorBody>(response)).toEqual({
      errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
      errors: {},
    });
  });

  test('invalid JQL is a 400 carrying Jira’s messages', async () => {
    const response = await send(demoSimulator(), { path: searchPath('nosuchfield = 1'), caller: APP });

    expect(response.status).toBe(400);
    expect(bodyOf<ErrorBody>(response).errorMessages).toEqual(["Field 'nosuchfield' does not exist or you do not have permission to view it."]);
  });

  test('a POST body with an unknown property is an invalid payload', async () => {
    const response = await send(demoSimulator(), { method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = THR', startAt: 50 }, caller: APP });

    expect(response.status).toBe(400);
  });
});

describe('issues by id or key', () => {
  test('GET issue returns every field by default and finds keys in any case', async () => {
    const response = await send(demoSimulator(), { path: '/rest/api/3/issue/thr-2' });
    const issue = bodyOf<{ key: string; fields: Record<string, unknown> }>(response);

    expect(issue.key).toBe('THR-2');
    expect(Object.keys(issue.fields)).toEqual(expect.arrayContaining(['summary', 'status', 'parent', FIELD_IDS.sprint, FIELD_IDS.rank]));
  });

  test('bulk fetch returns the visible issues asked for, once each, and leaves the rest out', async () => {
    const sim = demoSimulator();
    const ids = ['THR-1', 'thr-1', '10002', 'FIN-1', 'NOPE-1'];
    const body = bodyOf<{ issues: Array<{ key: string }>; issueErrors: unknown[] }>(
      await send(sim, { method: 'POST', path: '/rest/api/3/issue/bulkfetch', body: { issueIdsOrKeys: ids, fields: ['summary'] } }),
    );

    expect(body.issues.map((i) => i.key)).toEqual(['THR-1', 'THR-2']);
    expect(body.issueErrors).toEqual([]);
  });

  test('bulk fetch takes at most 100 ids or keys', async () => {
    const keys = Array.from({ length: 101 }, (_, i) => `THR-${i + 1}`);
    const response = await send(demoSimulator(), { method: 'POST', path: '/rest/api/3/issue/bulkfetch', body: { issueIdsOrKeys: keys } });

    expect(response.status).toBe(400);
  });
});

describe('field edits and the search index lag', () => {
  test('an edit made through editIssue reaches JQL only after the lag; GET issue shows it at once', async () => {
    let elapsed = 0;
    const sim = demoSimulator();
    sim.setSearchIndexLag(1_000, () => elapsed);
    const issue = issueNamed(sim.site, 'THR-2');
    const label = 'lag-probe';
    sim.editIssue('THR-2', (edited) => edited.labels.push(label));
    expect(issue.updated).toBe(new Date(sim.site.now).toISOString());
    const found = async () => (await search(sim, `labels = "${label}"`, 'fields=labels')).issues.map((i) => i.id);

    expect(await found()).toEqual([]);
    const direct = bodyOf<{ fields: { labels: string[] } }>(await send(sim, { path: '/rest/api/3/issue/THR-2?fields=labels', caller: APP }));
    expect(direct.fields.labels).toContain(label);
    elapsed += 1_000;
    expect(await found()).toEqual([issue.id]);
  });
});
