/** Deleting a goal removes its KPIs and their measurements in the same transaction, or nothing. */
import { removeGoal } from '../../adapters/storage/removal';
import { fail, ok } from '../results';
import { editorCall } from './calls';
import { nowIso } from '../../adapters/clock';
import { notFound } from './failures';

export const deleteGoal = editorCall('deleteGoal', async ({ projectId, payload }) => {
  const removal = await removeGoal({ projectId, goalId: payload.id, baseVersion: payload.baseVersion, now: nowIso() });
  switch (removal.outcome) {
    case 'committed':
      return ok({ id: payload.id, kpis: removal.kpis, measurements: removal.measurements });
    case 'not-found':
      return notFound('goal');
    case 'conflict':
      // The contract's conflict carries the deletion's result type, which cannot hold the goal: the UI reloads it.
      return fail('conflict', 'Someone else changed this goal since you opened it. Look at their change, then delete it again if you still want to.');
    case 'too-large':
      return fail(
        'invalid',
        `This goal has ${removal.kpis} KPIs with ${removal.measurements} measurements in all, too much to delete in one step ` +
          '(Forge storage changes at most 25 records at once, and a goal is deleted completely or not at all). ' +
          'Archive the goal instead, or delete some of its KPIs first.',
      );
  }
});
