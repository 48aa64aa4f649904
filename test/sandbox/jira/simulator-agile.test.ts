import { buildLargeSite, DEMO_USERS, FIELD_IDS } from '../demo';
import type { ErrorBody } from './simulator-kit';
import { asUser, bodyOf, demoSimulator, jql, send } from './simulator-kit';

interface Page<T> {
  values: T[];
  isLast: boolean;
  startAt: number;
  maxResults: number;
  total?: number;
}
interface Sprint {
  id: number;
  state: string;
  name: string;
  originBoardId: number;
}
interface AgileIssues {
  total: number;
  maxResults: number;
  issues: Array<{ key: string; fields: Record<string, unknown> }>;
}

describe('boards', () => {
  test('a project’s boards, with their location', async () => {
    const page = bodyOf<Page<{ id: number; type: string; location: { projectKey: string } }>>(
      await send(demoSimulator(), { path: '/rest/agile/1.0/board?projectKeyOrId=THR' }),
    );

    expect(page.values.map((b) => [b.id, b.type, b.location.projectKey])).toEqual([
      [1, 'scrum', 'THR'],
      [5, 'kanban', 'THR'],
      [6, 'scrum', 'THR'],
    ]);
  });

  test('a team-managed project’s board is `simple`, and a board over two projects is listed under both, located in one', async () => {
    const page = bodyOf<Page<{ id: number; type: string; location: { projectKey: string } }>>(
      await send(demoSimulator(), { path: '/rest/agile/1.0/board?projectKeyOrId=MOB' }),
    );

    expect(page.values.map((b) => [b.id, b.type, b.location.projectKey])).toEqual([
      [2, 'simple', 'MOB'],
      [6, 'scrum', 'THR'],
    ]);
    const simple = bodyOf<Page<{ id: number }>>(await send(demoSimulator(), { path: '/rest/agile/1.0/board?type=simple' }));
    expect(simple.values.map((b) => b.id)).toEqual([2]);
  });

  test('someone who may not browse a project gets none of its boards, not even one located in a project they can browse', async () => {
    const sim = demoSimulator();
    const mob = sim.site.projects.find((p) => p.key === 'MOB');
    if (!mob) throw new Error('no MOB');
    for (const accountId of Object.keys(mob.permissions)) if (accountId !== DEMO_USERS.admin) delete mob.permissions[accountId];
    const boardsOf = async (key: string) =>
      bodyOf<Page<{ id: number }>>(await send(sim, { path: `/rest/agile/1.0/board?projectKeyOrId=${key}`, caller: asUser('developer') })).values.map((b) => b.id);

    expect(await boardsOf('MOB')).toEqual([]);
    expect(await boardsOf('THR')).toEqual([1, 5, 6]);
  });

  test('lists at most 50 boards a page whatever is asked, and says so in maxResults', async () => {
    const sim = demoSimulator();
    for (let id = 100; id < 160; id += 1) sim.site.boards.push({ id, name: `THR team ${id}`, type: 'kanban', projectId: '10000' });
    const first = bodyOf<Page<{ id: number }>>(await send(sim, { path: '/rest/agile/1.0/board?projectKeyOrId=THR&maxResults=100' }));
    const second = bodyOf<Page<{ id: number }>>(await send(sim, { path: '/rest/agile/1.0/board?projectKeyOrId=THR&maxResults=100&startAt=50' }));

    expect(first).toMatchObject({ maxResults: 50, isLast: false });
    expect(first.values).toHaveLength(50);
    expect(second.values).toHaveLength(13);
    expect(second.isLast).toBe(true);
  });

  test('filters by type, and finds a project by id as well as by key', async () => {
    const page = bodyOf<Page<{ id: number }>>(await send(demoSimulator(), { path: '/rest/agile/1.0/board?projectKeyOrId=10000&type=kanban' }));

    expect(page.values.map((b) => b.id)).toEqual([5]);
  });

  test('boards of hidden projects are neither listed nor readable', async () => {
    const sim = demoSimulator();
    const listed = bodyOf<Page<{ id: number }>>(await send(sim, { path: '/rest/agile/1.0/board' })).values.map((b) => b.id);

    expect(listed).not.toContain(3);
    expect((await send(sim, { path: '/rest/agile/1.0/board/3' })).status).toBe(404);
    expect((await send(sim, { path: '/rest/agile/1.0/board/3', caller: asUser('outsider') })).status).toBe(200);
  });

  test.each([
    [1, FIELD_IDS.storyPoints, 'Story Points'],
    [2, FIELD_IDS.storyPointEstimate, 'Story point estimate'],
  ])('board %i estimates with %s', async (boardId, fieldId, displayName) => {
    const config = bodyOf<{ estimation: unknown; ranking: unknown }>(await send(demoSimulator(), { path: `/rest/agile/1.0/board/${boardId}/configuration` }));

    expect(config.estimation).toEqual({ type: 'field', field: { fieldId, displayName } });
    expect(config.ranking).toEqual({ rankCustomFieldId: 10019 });
  });
});

describe('sprints', () => {
  test('come closed, then active, then future, and filter by state', async () => {
    const sim = demoSimulator();
    const all = bodyOf<Page<Sprint>>(await send(sim, { path: '/rest/agile/1.0/board/1/sprint' })).values;
    const current = bodyOf<Page<Sprint>>(await send(sim, { path: '/rest/agile/1.0/board/1/sprint?state=active,future' })).values;

    expect(all.map((s) => s.state)).toEqual([...Array(8).fill('closed'), 'active', 'future', 'future']);
    expect(current.map((s) => s.name)).toEqual(['THR Sprint 22', 'THR Sprint 23', 'THR Sprint 24']);
  });

  test('page 50 at a time, with isLast and no total', async () => {
    const sim = demoSimulator({ site: buildLargeSite({ epics: 8, childrenPerEpic: 1, sprints: 160 }) });
    const first = bodyOf<Page<Sprint>>(await send(sim, { path: '/rest/agile/1.0/board/1/sprint?maxResults=200' }));
    const second = bodyOf<Page<Sprint>>(await send(sim, { path: '/rest/agile/1.0/board/1/sprint?startAt=50' }));

    expect(first.values).toHaveLength(50);
    expect(first.isLast).toBe(false);
    expect(first).not.toHaveProperty('total');
    expect(second.values[0]?.id).toBe((first.values.at(-1)?.id ?? 0) + 1);
    expect(second.isLast).toBe(true);
  });

  test('a site may cap pages lower than 50, and a page then comes back shorter than asked', async () => {
    const sim = demoSimulator();
    sim.site.agileMaxResults = 4;
    const page = bodyOf<Page<Sprint>>(await send(sim, { path: '/rest/agile/1.0/board/1/sprint?maxResults=50' }));

    expect(page).toMatchObject({ maxResults: 4, startAt: 0, isLast: false });
    expect(page.values).toHaveLength(4);
  });

  test('a team-managed board with sprints on lists them; with sprints off it answers as kanban boards do', async () => {
    const sim = demoSimulator();
    const on = await send(sim, { path: '/rest/agile/1.0/board/2/sprint' });
    expect(on.status).toBe(200);
    expect(bodyOf<Page<Sprint>>(on).values.map((s) => s.originBoardId)).toEqual(Array(9).fill(2));

    const board = sim.site.boards.find((b) => b.id === 2);
    if (board) board.sprintsEnabled = false;
    const off = await send(sim, { path: '/rest/agile/1.0/board/2/sprint' });
    expect(off.status).toBe(400);
    expect(bodyOf<ErrorBody>(off).errorMessages).toEqual(['The board does not support sprints']);
  });

  test('a sprint without a goal says `goal: null`, as real sites do', async () => {
    const sim = demoSimulator();
    const train = bodyOf<Page<Sprint & { goal: unknown }>>(await send(sim, { path: '/rest/agile/1.0/board/6/sprint' })).values;
    const withGoal = bodyOf<Sprint & { goal: unknown }>(await send(sim, { path: '/rest/agile/1.0/sprint/9' }));

    expect(train.map((s) => [s.name, s.goal])).toEqual([['Release train 1', null]]);
    expect(typeof withGoal.goal).toBe('string');
  });

  test('a kanban board has none: 400 "The board does not support sprints"', async () => {
    const response = await send(demoSimulator(), { path: '/rest/agile/1.0/board/4/sprint' });

    expect(response.status).toBe(400);
    expect(bodyOf<ErrorBody>(response).errorMessages).toEqual(['The board does not support sprints']);
  });

  test('a sprint of a hidden board is 404', async () => {
    expect((await send(demoSimulator(), { path: '/rest/agile/1.0/sprint/25' })).status).toBe(404);
  });
});

describe('sprint issues', () => {
  test('lists the sprint’s issues by rank, with the agile sprint fields', async () => {
    const sim = demoSimulator();
    const body = bodyOf<AgileIssues>(await send(sim, { path: '/rest/agile/1.0/sprint/9/issue?maxResults=100' }));
    const inSprint = sim.site.issues.filter((i) => i.sprintIds.includes(9)).sort((a, b) => a.rank.localeCompare(b.rank));

    expect(body.total).toBe(inSprint.length);
    expect(body.issues.map((i) => i.key)).toEqual(inSprint.map((i) => i.key));
    expect(body.issues[0]?.fields).toMatchObject({ sprint: { id: 9, state: 'active' }, flagged: false });
  });

  test('a JQL filter narrows the sprint, and its ORDER BY wins', async () => {
    const body = bodyOf<AgileIssues>(
      await send(demoSimulator(), { path: `/rest/agile/1.0/sprint/9/issue?jql=${jql('statusCategory = Done ORDER BY key DESC')}&fields=status` }),
    );
    const keys = body.issues.map((i) => Number(i.key.split('-')[1]));

    expect(body.issues.every((i) => (i.fields.status as { statusCategory: { key: string } }).statusCategory.key === 'done')).toBe(true);
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
  });

  test('pages with startAt and maxResults', async () => {
    const sim = demoSimulator();
    const first = bodyOf<AgileIssues>(await send(sim, { path: '/rest/agile/1.0/sprint/9/issue?maxResults=5&fields=summary' }));
    const second = bodyOf<AgileIssues>(await send(sim, { path: '/rest/agile/1.0/sprint/9/issue?startAt=5&maxResults=5&fields=summary' }));

    expect(first.issues).toHaveLength(5);
    expect(second.issues[0]?.key).not.toBe(first.issues[4]?.key);
    expect(Object.keys(first.issues[0]?.fields ?? {})).toEqual(['summary']);
  });
});
