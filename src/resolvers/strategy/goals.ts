/** Goals: create, edit (archiving is an edit of the status), move. Deletion is in goal-delete.ts. */
import type { GoalInput, GoalView } from '../../contract';
import { rankForMove } from '../../domain/goal-order';
import { rankSalt, uniqueRankBetween } from '../../domain/rank';
import { createGoal as storeGoal, goalOf, goalsOfProject, updateGoal as replaceGoal } from '../../adapters/storage/goal-store';
import { newId } from '../../adapters/storage/ids';
import type { GoalRecord, Keyed } from '../../adapters/storage/records';
import { limits } from '../../validation/limits';
import { fail, ok } from '../results';
import { editorCall } from '../calls';
import { nowIso, todayOf } from '../../adapters/clock';
import { conflictWith, notFound } from '../failures';
import { goalViewBuilder } from './loaders';
import { namePeople } from '../people';
import type { People } from '../people';
import { goalView } from './views';
import { stagingActivities } from '../../adapters/storage/activity-store';
import { goalAdded, goalDone } from '../feed/activities';
import { goalCheckIn, loadGoalCheckInState } from '../check-ins/summaries';
import type { TrustedContext } from '../context';
import { say } from '../../i18n/server-texts';

export const createGoal = editorCall('createGoal', async ({ jira, access, projectId, payload, context }) => {
  const [people, goals, viewOf] = await Promise.all([
    namePeople(jira, [access.accountId, payload.goal.ownerAccountId]),
    goalsOfProject(projectId),
    goalReplyBuilder(projectId, undefined, context, todayOf(nowIso())),
  ]);
  const unknownOwner = checkOwner(payload.goal, people);
  if (unknownOwner) return unknownOwner;
  if (goals.length >= limits.goalsPerProduct) return tooManyGoals();
  const now = nowIso();
  const lastRank = goals.map((goal) => goal.rank).sort().at(-1);
  const id = newId('goal');
  const record: GoalRecord = {
    projectId,
    ...content(payload.goal, people),
    rank: uniqueRankBetween(lastRank, undefined, rankSalt(id)),
    version: 1,
    createdAt: now,
    createdBy: access.accountId,
    updatedAt: now,
    updatedBy: people.ref(access.accountId),
  };
  const outcome = await storeGoal({ id, goal: record, maxGoals: limits.goalsPerProduct, now, alsoStage: stagingActivities(goalAdded(projectId, id, record, record.updatedBy)) });
  if (outcome === 'limit-reached') return tooManyGoals();
  if (outcome === 'conflict') return fail('conflict', say('strategy.productChangedAddingGoal'));
  return ok(viewOf({ ...record, id }));
});

export const updateGoal = editorCall('updateGoal', async ({ jira, access, projectId, payload, context }) => {
  const today = todayOf(nowIso());
  const current = await goalOf(projectId, payload.id);
  if (!current) return notFound('goal');
  if (current.version !== payload.baseVersion) return conflictWith<GoalView>((await goalReplyBuilder(projectId, current.id, context, today))(current), 'goal');
  const people = await namePeople(jira, [access.accountId, payload.goal.ownerAccountId]);
  const unknownOwner = checkOwner(payload.goal, people);
  if (unknownOwner) return unknownOwner;
  const next: GoalRecord = {
    ...withoutOwner(current),
    ...content(payload.goal, people),
    version: current.version + 1,
    updatedAt: nowIso(),
    updatedBy: people.ref(access.accountId),
  };
  const viewOf = await goalReplyBuilder(projectId, payload.id, context, today);
  const closed = goalDone(projectId, payload.id, current, next, next.updatedBy);
  if ((await replaceGoal(payload.id, next, payload.baseVersion, stagingActivities(closed))) === 'conflict') {
    return conflictWith<GoalView>(await currentGoalReply(projectId, payload.id, context, today), 'goal');
  }
  return ok(viewOf({ ...next, id: payload.id }));
});

/** One record is written: the moved goal gets a rank between its new neighbours. */
export const moveGoal = editorCall('moveGoal', async ({ jira, access, projectId, payload, context }) => {
  const today = todayOf(nowIso());
  if (payload.afterId === payload.id || payload.beforeId === payload.id) {
    return fail('invalid', say('strategy.goalNextToItself'), payload.afterId === payload.id ? 'afterId' : 'beforeId');
  }
  const goals = await goalsOfProject(projectId);
  const find = (id: string | null) => (id === null ? undefined : goals.find((goal) => goal.id === id));
  const goal = find(payload.id);
  if (!goal) return notFound('goal');
  const after = find(payload.afterId);
  const before = find(payload.beforeId);
  if ((payload.afterId !== null && !after) || (payload.beforeId !== null && !before)) return notFound('neighbouringGoal');
  if (goal.version !== payload.baseVersion) return conflictWith<GoalView>((await goalReplyBuilder(projectId, goal.id, context, today))(goal), 'goal');
  const rank = rankForMove(goal.id, after, before);
  if (rank === undefined) {
    return {
      ok: false,
      error: { code: 'conflict', message: say('roadmap.goalsReordered'), current: (await goalReplyBuilder(projectId, goal.id, context, today))(goal) },
    };
  }
  const people = await namePeople(jira, [access.accountId]);
  const next: GoalRecord = { ...withoutId(goal), rank, version: goal.version + 1, updatedAt: nowIso(), updatedBy: people.ref(access.accountId) };
  const viewOf = await goalReplyBuilder(projectId, goal.id, context, today);
  if ((await replaceGoal(goal.id, next, payload.baseVersion)) === 'conflict') {
    return conflictWith<GoalView>(await currentGoalReply(projectId, goal.id, context, today), 'goal');
  }
  return ok(viewOf({ ...next, id: goal.id }));
});

/**
 * A goal write answers with the goal as the Goals tab shows it, its check-in state included
 * (getStrategy's `checkIn`), else the card a client replaces with the reply loses its "update due".
 * Everything is read before the write (issue 9: no storage read after a commit); a goal not yet
 * stored (`goalId` undefined) has no KPIs and no check-ins, so only the cadence is read.
 */
async function goalReplyBuilder(projectId: string, goalId: string | undefined, context: TrustedContext, today: string): Promise<(goal: Keyed<GoalRecord>) => GoalView> {
  const [viewOf, checkIns] = await Promise.all([
    goalId ? goalViewBuilder(projectId, goalId, today) : (goal: Keyed<GoalRecord>) => goalView(goal, [], new Map()),
    loadGoalCheckInState(projectId, goalId),
  ]);
  const judge = { now: nowIso(), timeZone: context.timeZone };
  return (goal) => {
    const view = viewOf(goal);
    return { ...view, checkIn: goalCheckIn(checkIns, goal, view.kpis, judge) };
  };
}

/** The goal as it is now with its check-in state, for a conflict; undefined when it is gone. */
async function currentGoalReply(projectId: string, goalId: string, context: TrustedContext, today: string): Promise<GoalView | undefined> {
  const goal = await goalOf(projectId, goalId);
  return goal ? (await goalReplyBuilder(projectId, goalId, context, today))(goal) : undefined;
}

function content(goal: GoalInput, people: People): Pick<GoalRecord, 'title' | 'description' | 'status' | 'timeFrame' | 'ownerAccountId' | 'owner'> {
  return {
    title: goal.title,
    description: goal.description,
    status: goal.status,
    timeFrame: goal.timeFrame,
    ...(goal.ownerAccountId ? { ownerAccountId: goal.ownerAccountId, owner: people.ref(goal.ownerAccountId) } : {}),
  };
}

/** The owner must be someone Jira knows; the name shown is Jira's, never the browser's. */
function checkOwner(goal: GoalInput, people: People) {
  if (goal.ownerAccountId && !people.has(goal.ownerAccountId)) {
    return fail('invalid', say('strategy.unknownOwner'), 'goal.ownerAccountId');
  }
  return undefined;
}

const tooManyGoals = () =>
  fail('invalid', say('strategy.tooManyGoals', { max: limits.goalsPerProduct }));

function withoutId<T extends { id: string }>({ id: _id, ...rest }: T): Omit<T, 'id'> {
  return rest;
}

/** The stored goal without its id and owner, so clearing the owner really clears it. */
function withoutOwner(goal: GoalRecord & { id: string }): Omit<GoalRecord, 'owner' | 'ownerAccountId'> {
  const { id: _id, owner: _owner, ownerAccountId: _ownerAccountId, ...rest } = goal;
  return rest;
}
