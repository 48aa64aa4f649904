/**
 * Which boards supply a project's sprints, as Jira Cloud shows boards: team-managed boards are
 * `simple` (with sprints only when the project has them on), a board over two projects is listed
 * under both, agile pages may come back shorter than asked, and a sprint without a goal says
 * `goal: null`.
 */
import { distinctChildren } from '../../../src/domain/rollup-merge';
import { asEpicChildren } from '../../../src/adapters/delivery/load-epic-rollups';
import { velocityOf } from '../../../src/domain/velocity';
import { FIELD_IDS } from '../../sandbox/demo';
import type { SimSite, SimSprint } from '../../sandbox/jira/model';
import { createSandbox } from '../harness';
import { rollupKit } from './kit';

const freshKit = () => rollupKit(createSandbox());

const boardOf = (site: SimSite, id: number) => {
  const board = site.boards.find((b) => b.id === id);
  if (!board) throw new Error(`No board ${id}`);
  return board;
};
const sprintIdsOfBoards = (site: SimSite, boardIds: number[]) =>
  site.sprints.filter((s) => boardIds.includes(s.boardId)).map((s) => s.id).sort((a, b) => a - b);
const RELEASE_TRAIN = 6;

describe('a team-managed project (MOB, a `simple` board)', () => {
  test('with sprints on, its sprints come from its board, and the release train’s with them', async () => {
    const kit = freshKit();
    const sprints = await kit.sprints('MOB');

    expect(sprints.map((s) => s.id).sort((a, b) => a - b)).toEqual(sprintIdsOfBoards(kit.site, [2, RELEASE_TRAIN]));
    expect(sprints.filter((s) => s.state === 'closed')).toHaveLength(6);
    expect(new Set(sprints.flatMap((s) => s.boardIds ?? []))).toEqual(new Set([2, RELEASE_TRAIN]));
  });

  test('with sprints off, its board supplies none and the load still succeeds (Jira’s 400 means “no sprints”)', async () => {
    const kit = freshKit();
    boardOf(kit.site, 2).sprintsEnabled = false;
    kit.resetMeters();
    const sprints = await kit.sprints('MOB');

    expect(sprints.map((s) => s.id)).toEqual(sprintIdsOfBoards(kit.site, [RELEASE_TRAIN]));
    // One request per board that may have sprints; none to `/features`.
    expect(kit.jira.stats.byRoute['GET /rest/agile/1.0/board/{boardId}/sprint']).toBe(2);
  });

  test('a kanban board is never asked for sprints', async () => {
    const kit = freshKit();
    kit.resetMeters();
    expect(await kit.sprints('OPS')).toEqual([]);
    expect(kit.jira.stats.byRoute['GET /rest/agile/1.0/board/{boardId}/sprint']).toBeUndefined();
  });
});

describe('agile pages', () => {
  test('shorter than asked (a cap below 50) are read by what came back, to the last', async () => {
    const kit = freshKit();
    kit.site.agileMaxResults = 2;
    kit.resetMeters();
    const sprints = await kit.sprints('THR');

    expect(sprints.map((s) => s.id).sort((a, b) => a - b)).toEqual(sprintIdsOfBoards(kit.site, [1, RELEASE_TRAIN]));
    // THR's three boards in two pages; board 1's 11 sprints in six, the train's one in one.
    expect(kit.jira.stats.byRoute['GET /rest/agile/1.0/board']).toBe(2);
    expect(kit.jira.stats.byRoute['GET /rest/agile/1.0/board/{boardId}/sprint']).toBe(7);
  });

  test('a sprint without a goal (`goal: null`) loads, with no goal', async () => {
    const kit = freshKit();
    const train = (await kit.sprints('THR')).find((s) => s.boardIds?.includes(RELEASE_TRAIN));

    expect(train).toMatchObject({ name: 'Release train 1', state: 'future' });
    expect(train).not.toHaveProperty('goal');
  });
});

describe('a board over two projects (the release train: THR and MOB)', () => {
  /** A closed release-train sprint with done work of both projects moved into it (their last sprint). */
  function closedTrainSprint(site: SimSite, moved: { THR: string[]; MOB: string[] }): SimSprint {
    const sprint: SimSprint = {
      id: 900,
      boardId: RELEASE_TRAIN,
      name: 'Release train 0',
      state: 'closed',
      startDate: '2026-10-29T09:00:00.000Z',
      endDate: '2026-11-12T09:00:00.000Z',
      completeDate: '2026-11-12T10:00:00.000Z',
    };
    site.sprints.push(sprint);
    for (const id of [...moved.THR, ...moved.MOB]) site.issues.find((i) => i.id === id)?.sprintIds.push(sprint.id);
    return sprint;
  }

  test('its sprint counts for each project through that project’s own issues only: nothing is counted twice', async () => {
    const kit = freshKit();
    const doneEstimated = (key: string, field: string) =>
      kit
        .epicsOf(key)
        .flatMap((epic) => kit.childrenOf(epic.id))
        .filter((c) => kit.categoryOf(c.statusId) === 'done' && typeof c.customFields[field] === 'number')
        .slice(0, 3);
    const thrDone = doneEstimated('THR', FIELD_IDS.storyPoints);
    const mobDone = doneEstimated('MOB', FIELD_IDS.storyPointEstimate);
    const sprint = closedTrainSprint(kit.site, { THR: thrDone.map((i) => i.id), MOB: mobDone.map((i) => i.id) });
    const points = (issues: typeof thrDone, field: string) => issues.reduce((sum, i) => sum + (i.customFields[field] as number), 0);

    const velocityOfProject = async (key: string) => {
      const [loaded, sprints] = await Promise.all([kit.load(key), kit.sprints(key)]);
      expect(sprints.map((s) => s.id)).toContain(sprint.id);
      return velocityOf({ children: distinctChildren(asEpicChildren(loaded.epics)), sprints });
    };
    const thr = await velocityOfProject('THR');
    const mob = await velocityOfProject('MOB');

    expect(thr.sprints.find((s) => s.sprintId === sprint.id)).toMatchObject({ issues: 3, points: points(thrDone, FIELD_IDS.storyPoints) });
    expect(mob.sprints.find((s) => s.sprintId === sprint.id)).toMatchObject({ issues: 3, points: points(mobDone, FIELD_IDS.storyPointEstimate) });
  });

  test('a sprint of it in which a project did nothing is a zero for that project, not the other project’s points', async () => {
    const kit = freshKit();
    const mobDone = kit
      .epicsOf('MOB')
      .flatMap((epic) => kit.childrenOf(epic.id))
      .filter((c) => kit.categoryOf(c.statusId) === 'done' && typeof c.customFields[FIELD_IDS.storyPointEstimate] === 'number')
      .slice(0, 2);
    const sprint = closedTrainSprint(kit.site, { THR: [], MOB: mobDone.map((i) => i.id) });
    const [loaded, sprints] = await Promise.all([kit.load('THR'), kit.sprints('THR')]);
    const velocity = velocityOf({ children: distinctChildren(asEpicChildren(loaded.epics)), sprints });

    expect(velocity.sprints.find((s) => s.sprintId === sprint.id)).toMatchObject({ issues: 0, points: 0 });
  });
});
