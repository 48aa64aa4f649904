import { sprintChanged } from '../../../../src/index';
import { sprintEvent } from '../../../sandbox/forge/events';
import { createSandbox } from '../../harness';
import { roadmap } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
});

describe('sprints on the roadmap timeline', () => {
  test('are cached between loads, and a sprint created on the project’s board shows at the next load after its event', async () => {
    const before = await roadmap(sandbox);
    const boardId = before.sprints[0]!.boardIds[0]!;
    const sprint = { id: 9_001, boardId, name: 'THR Sprint next-next', state: 'future' as const };
    sandbox.site.sprints.push(sprint);

    sandbox.jira.resetStats();
    const cached = await roadmap(sandbox);
    expect(cached.sprints.map((s) => s.id)).not.toContain(9_001);
    expect(sandbox.jira.stats.requests).toBe(3);

    const outcome = await sandbox.forge.fireTrigger(sprintChanged, sprintEvent(sandbox.site, { eventType: 'avi:jira-software:created:sprint', sprintId: 9_001 }));
    expect(outcome).toEqual({ kind: 'forgotten', projects: [sandbox.project('THR').id] });
    expect((await roadmap(sandbox)).sprints.map((s) => s.id)).toContain(9_001);
    sandbox.site.sprints.splice(sandbox.site.sprints.indexOf(sprint), 1);
  });

  test('an event for a board no cached project uses changes nothing', async () => {
    await roadmap(sandbox);
    const sprint = { id: 9_002, boardId: 987_654, name: 'Elsewhere', state: 'future' as const };
    sandbox.site.sprints.push(sprint);
    const outcome = await sandbox.forge.fireTrigger(sprintChanged, sprintEvent(sandbox.site, { eventType: 'avi:jira-software:started:sprint', sprintId: 9_002 }));
    expect(outcome).toEqual({ kind: 'forgotten', projects: [] });
    sandbox.site.sprints.splice(sandbox.site.sprints.indexOf(sprint), 1);
  });
});
