/**
 * Deleting a goal removes its KPIs and their measurements in the same transaction, or nothing;
 * the same transaction records the intent to take the goal out of its epics' link property
 * (`throughlineGoal`), written right after as the user and finished by the queue.
 */
import { removeGoal } from '../../adapters/storage/removal';
import { carryResync, epicIdsServingGoal, resyncIntent, stageResync } from '../roadmap/item-epics';
import { fail, ok } from '../results';
import { editorCall } from '../calls';
import { nowIso } from '../../adapters/clock';
import { notFound } from '../failures';
import { namePeople } from '../people';
import { stageActivity } from '../../adapters/storage/activity-store';
import { goalDeleted } from '../feed/activities';
import { say } from '../../i18n/server-texts';

export const deleteGoal = editorCall('deleteGoal', async ({ jira, access, projectId, payload }) => {
  const [epicIds, people] = await Promise.all([epicIdsServingGoal(jira, projectId, payload.id), namePeople(jira, [access.accountId])]);
  const intent = resyncIntent(projectId, epicIds, 'goal-deleted');
  const now = nowIso();
  const removal = await removeGoal({
    projectId,
    goalId: payload.id,
    baseVersion: payload.baseVersion,
    now,
    alsoStage: (transaction, goal) => {
      stageResync(intent)(transaction);
      stageActivity(transaction, goalDeleted(projectId, goal.id, goal.title, now, people.ref(access.accountId)));
    },
    alsoStageOperations: 2,
  });
  switch (removal.outcome) {
    case 'committed':
      await carryResync(jira, intent);
      return ok({ id: payload.id, kpis: removal.kpis, measurements: removal.measurements });
    case 'not-found':
      return notFound('goal');
    case 'conflict':
      // The contract's conflict carries the deletion's result type, which cannot hold the goal: the UI reloads it.
      return fail('conflict', say('strategy.goalChangedDelete'));
    case 'too-large':
      return fail('invalid', say('strategy.goalTooLarge', { kpis: removal.kpis, measurements: removal.measurements }));
  }
});
