/**
 * Check-ins on goals and roadmap items. Who may post: the product's edit rule, and a goal's (or an
 * item's) owner; everyone who may browse the project reads. The facts are computed here at post
 * time from what the Goals tab and the roadmap compute (never from the payload). The author may
 * correct a check-in for 24 hours by the server's clock; its facts stay as they were posted.
 */
import { randomUUID } from 'node:crypto';
import type { Request } from '@forge/resolver';
import type { CheckInFacts, CheckInSummary, Defs, EpicCommentReport, KpiView, Result, StatusUpdateTarget, StatusUpdateView } from '../../contract';
import { activityTextLength } from '../../domain/activity';
import { dayIn } from '../../domain/calendar';
import { checkInEditWindowMs, isWithinEditWindow, statusDisagreements, timeFrameEnd } from '../../domain/status-updates';
import type { CheckInCadence } from '../../domain/status-updates';
import { nowIso } from '../../adapters/clock';
import { createJiraClient } from '../../adapters/jira/client';
import type { JiraClient } from '../../adapters/jira/client';
import { goalOf, goalsOfProject } from '../../adapters/storage/goal-store';
import { kpisOfProject } from '../../adapters/storage/kpi-store';
import { itemOf, itemsOfProject } from '../../adapters/storage/roadmap-store';
import { seriesOfProject } from '../../adapters/storage/series-store';
import type { GoalRecord, Keyed, RoadmapItemRecord } from '../../adapters/storage/records';
import type { Activity } from '../../adapters/storage/activity-store';
import {
  cadenceOf,
  checkInOf,
  checkInPage,
  headOf,
  nextHead,
  postCheckIn,
  recordComments,
  replaceCheckIn,
  saveCadence,
} from '../../adapters/storage/status-update-store';
import type { CheckInRecord, CheckInCursor, StoredCheckInFacts } from '../../adapters/storage/status-update-store';
import { isStorageOutage } from '../../adapters/storage/storage-outage';
import { authorizeProduct, unlicensed } from '../authorize';
import type { ProductAccess } from '../authorize';
import { editorCall, parsePayload } from '../calls';
import { trustedContext } from '../context';
import type { TrustedContext } from '../context';
import { conflictWith, notFound } from '../failures';
import { namePeople } from '../people';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { getRoadmap } from '../roadmap/roadmap-view';
import { goalViewBuilder } from '../strategy/loaders';
import { kpiView } from '../strategy/views';
import { forecastGapText } from '../../domain/forecast';
import { kpiHealth } from '../../domain/kpi-health';
import { commentOnEpics } from './epic-comments';
import { goalCheckIn, itemCheckIn, loadCheckInState } from './summaries';
import type { Judging } from './summaries';
import { coded, codedRef, say, sayCoded, sayRef } from '../../i18n/server-texts';

type Target = { kind: 'goal'; record: Keyed<GoalRecord> } | { kind: 'item'; record: Keyed<RoadmapItemRecord> };

interface Caller {
  request: Request;
  jira: JiraClient;
  context: TrustedContext;
  access: ProductAccess;
  projectId: string;
}

/** The Browse check as the user, before the payload is even read (as every call). */
async function caller(request: Request): Promise<Outcome<Caller>> {
  const jira = createJiraClient({ actor: 'user' });
  const context = trustedContext(request.context);
  const access = await authorizeProduct(jira, context);
  if (!access.ok) return access;
  return ok({ request, jira, context, access: access.value, projectId: access.value.project.id });
}

async function targetOf(projectId: string, target: StatusUpdateTarget): Promise<Target | undefined> {
  if (target.kind === 'goal') {
    const record = await goalOf(projectId, target.id);
    return record ? { kind: 'goal', record } : undefined;
  }
  const record = await itemOf(projectId, target.id);
  return record ? { kind: 'item', record } : undefined;
}

/** The edit rule, or owning the goal or item: a goal's owner reports on it without editing the product. */
function mayPost(access: ProductAccess, target: Target): boolean {
  if (!access.licensed) return false;
  if (access.canEdit) return true;
  const owner = (target.record as { ownerAccountId?: string }).ownerAccountId;
  return owner !== undefined && owner === access.accountId;
}

function postRefusal(access: ProductAccess, target: Target) {
  if (!access.licensed) return unlicensed();
  const goal = target.kind === 'goal';
  if (access.editRule === 'project-admins') return fail('forbidden', say(goal ? 'updates.adminsAndGoalOwner' : 'updates.adminsAndItemOwner'));
  return fail('forbidden', say(goal ? 'updates.editorsAndGoalOwner' : 'updates.editorsAndItemOwner'));
}

const judging = (context: TrustedContext, now: string): Judging => ({ now, timeZone: context.timeZone });

function view(record: Keyed<CheckInRecord>, viewer: string, now: string): StatusUpdateView {
  const editable = record.postedBy.accountId === viewer && isWithinEditWindow(record.postedAt, now);
  return {
    id: record.id,
    target: { kind: record.targetKind, id: record.targetId },
    status: record.status,
    text: record.text,
    facts: factsView(record.facts),
    posted: { at: record.postedAt, by: record.postedBy },
    ...(record.editedAt ? { editedAt: record.editedAt } : {}),
    version: record.version,
    ...(editable ? { editableUntil: new Date(Date.parse(record.postedAt) + checkInEditWindowMs).toISOString() } : {}),
    disagreements: (record.disagreements ?? []).map(sayCoded),
    ...(record.comments ? { comments: commentsView(record.comments) } : {}),
  };
}

/**
 * The texts a check-in keeps (KPI health reasons, the forecast note, disagreements, refused
 * comments) are stored coded and said here in the reader's language; records stored before that
 * hold their sentence, which passes unchanged.
 */
function factsView(facts: StoredCheckInFacts): CheckInFacts {
  if (facts.kind === 'goal') return { ...facts, kpis: facts.kpis.map((kpi) => ({ ...kpi, healthReason: sayCoded(kpi.healthReason) })) } as CheckInFacts;
  return (facts.forecastNote ? { ...facts, forecastNote: sayCoded(facts.forecastNote) } : facts) as CheckInFacts;
}

const commentsView = (comments: EpicCommentReport): EpicCommentReport => ({
  ...comments,
  refused: comments.refused.map((refusal) => ({ ...refusal, message: sayCoded(refusal.message) })),
});

/** The facts now, as the Goals tab (KPIs, time frame) or the roadmap (progress, forecast, at risk) computes them. */
async function factsOf(caller: Caller, target: Target, today: string): Promise<Outcome<StoredCheckInFacts>> {
  if (target.kind === 'goal') {
    const goal = (await goalViewBuilder(caller.projectId, target.record.id, today))(target.record);
    const end = timeFrameEnd(target.record.timeFrame);
    return ok({
      kind: 'goal',
      kpis: goal.kpis.map((kpi) => ({
        id: kpi.id,
        name: kpi.name,
        unit: kpi.unit,
        ...(kpi.latest ? { value: kpi.latest.value } : {}),
        target: kpi.target.value,
        health: kpi.health,
        // Coded: each reader sees it in their language.
        healthReason: codedRef(kpiHealth(kpi, kpi.latest, today).reason),
      })),
      ...(end ? { timeFrameEnd: end } : {}),
    });
  }
  // The roadmap's own load, as this user: the same roll-ups, velocity and forecast the card shows.
  const roadmap = await getRoadmap({ ...caller.request, payload: {} });
  if (!roadmap.ok) return fail(roadmap.error.code, roadmap.error.message);
  const item = roadmap.value.items.find((candidate) => candidate.id === target.record.id);
  const delivery = item?.delivery;
  const forecast = delivery?.forecast;
  return ok({
    kind: 'item',
    ...(delivery && item && item.epicIds.length > 0 ? { progress: { done: delivery.rollup.counts.done, total: delivery.rollup.counts.total } } : {}),
    ...(forecast?.kind === 'forecast' ? { forecastFinish: forecast.finishDate } : {}),
    ...(target.record.endDate ? { endDate: target.record.endDate } : {}),
    atRisk: forecast?.atRisk ?? false,
    // Stored coded, said in each reader's language when read (`view`).
    ...(item && item.epicIds.length === 0
      ? { forecastNote: coded('updates.noEpic') }
      : forecast?.kind === 'none'
        ? { forecastNote: forecast.detail ? forecastGapText(forecast.detail) : forecast.message }
        : !delivery
          ? { forecastNote: coded('updates.progressLoading') }
          : {}),
  });
}

function disagreementsOf(status: CheckInRecord['status'], facts: StoredCheckInFacts, today: string): string[] {
  if (facts.kind === 'goal') {
    return statusDisagreements({
      status,
      kpis: facts.kpis.map((kpi) => ({ name: kpi.name, health: kpi.health as 'on-track' })),
      ...(facts.timeFrameEnd ? { timeFrameEnd: facts.timeFrameEnd } : {}),
      today,
    }).map((found) => codedRef(found.sentence));
  }
  return statusDisagreements({
    status,
    ...(facts.forecastFinish ? { forecastFinish: facts.forecastFinish } : {}),
    ...(facts.endDate ? { endDate: facts.endDate, timeFrameEnd: facts.endDate } : {}),
    today,
  }).map((found) => codedRef(found.sentence));
}

/** What the feed tells of this check-in: one entry per check-in (its key fixed, so an edit replaces it). */
function activityOf(record: CheckInRecord, id: string, target: Target): Activity {
  const goalId = target.kind === 'goal' ? target.record.id : target.record.goalId;
  return {
    projectId: record.projectId,
    at: record.postedAt,
    by: record.postedBy,
    ...(goalId ? { goalId } : {}),
    ...(target.kind === 'item' ? { itemId: target.record.id } : {}),
    summary: {
      kind: 'check-in',
      targetKind: target.kind,
      title: target.record.title,
      status: record.status,
      text: record.text.length > activityTextLength ? `${record.text.slice(0, activityTextLength - 1)}…` : record.text,
    },
    key: `act-${id}`,
  };
}

/** The summary with the goal's KPIs now (storage only); an item's forecast needs the roadmap, so its card judges that. */
async function summaryOf(caller: Caller, target: Target, now: string): Promise<{ summary: CheckInSummary; cadence: CheckInCadence }> {
  const today = dayIn(Date.parse(now), caller.context.timeZone);
  const [state, goal] = await Promise.all([
    loadCheckInState(caller.projectId),
    target.kind === 'goal' ? goalViewBuilder(caller.projectId, target.record.id, today).then((build) => build(target.record)) : undefined,
  ]);
  const summary = target.kind === 'goal' && goal ? goalCheckIn(state, target.record, goal.kpis, judging(caller.context, now)) : summaryFrom(state, target, judging(caller.context, now));
  return { summary, cadence: state.cadence };
}

function summaryFrom(state: Awaited<ReturnType<typeof loadCheckInState>>, target: Target, judge: Judging, facts?: StoredCheckInFacts): CheckInSummary {
  if (target.kind === 'goal') {
    const kpis = facts?.kind === 'goal' ? facts.kpis.map((kpi) => ({ name: kpi.name, health: kpi.health as 'on-track' })) : [];
    return goalCheckIn(state, target.record, kpis, judge);
  }
  const finish = facts?.kind === 'item' && facts.forecastFinish ? facts.forecastFinish : undefined;
  return itemCheckIn(
    state,
    { id: target.record.id, status: target.record.status, createdAt: target.record.createdAt, ...(target.record.endDate ? { endDate: target.record.endDate } : {}) },
    finish,
    judge,
  );
}

/** Tries at a target's head before a post answers `conflict` (each retry re-reads it). */
const postAttempts = 3;

const tooLateToEdit = () => fail('forbidden', say('updates.tooLateToEdit'));

export async function postStatusUpdate(request: Request): Promise<Result<{ update: StatusUpdateView; summary: CheckInSummary; comments?: EpicCommentReport }>> {
  const who = await caller(request);
  if (!who.ok) return who;
  const payload = parsePayload('postStatusUpdate', request.payload);
  if (!payload.ok) return payload;
  const { target: ref, status, text } = payload.value;
  const target = await targetOf(who.value.projectId, ref);
  if (!target) return notFound(ref.kind);
  if (!mayPost(who.value.access, target)) return postRefusal(who.value.access, target);

  const now = nowIso();
  const today = dayIn(Date.parse(now), who.value.context.timeZone);
  const [facts, people] = await Promise.all([factsOf(who.value, target, today), namePeople(who.value.jira, [who.value.access.accountId])]);
  if (!facts.ok) return facts;
  const id = `checkin-${randomUUID()}`;
  const record: CheckInRecord = {
    projectId: who.value.projectId,
    targetKind: ref.kind,
    targetId: ref.id,
    status,
    text,
    facts: facts.value,
    disagreements: disagreementsOf(status, facts.value, today),
    postedAt: now,
    postedBy: people.ref(who.value.access.accountId),
    version: 1,
  };
  // Two posts on one target race for its head: the loser reads the new head and goes after it.
  let state = await loadCheckInState(who.value.projectId);
  let head = state.heads.get(ref.id);
  let outcome = await postCheckIn({ id, record, head, activity: activityOf(record, id, target) });
  for (let attempt = 1; outcome === 'conflict' && attempt < postAttempts; attempt += 1) {
    state = await loadCheckInState(who.value.projectId);
    head = state.heads.get(ref.id);
    outcome = await postCheckIn({ id, record, head, activity: activityOf(record, id, target) });
  }
  if (outcome === 'conflict') return fail('conflict', say(ref.kind === 'goal' ? 'updates.othersPostedGoal' : 'updates.othersPostedItem'));

  // Saved: from here on the answer is ok, whatever Jira or storage do with the follow-up.
  const heads = new Map(state.heads);
  heads.set(ref.id, nextHead(id, record, head));
  const summary = summaryFrom({ ...state, heads }, target, judging(who.value.context, now), facts.value);
  let comments: EpicCommentReport | undefined;
  if (payload.value.commentOnEpics) {
    comments = await commentOnEpics(who.value.jira, { projectId: who.value.projectId, target: ref, title: target.record.title, status, text });
    try {
      await recordComments(id, record, comments);
    } catch (error) {
      if (!isStorageOutage(error)) throw error;
    }
  }
  const saved = comments ? { ...record, comments } : record;
  return ok({ update: view({ ...saved, id }, who.value.access.accountId, now), summary, ...(comments ? { comments: commentsView(comments) } : {}) });
}

const encodeCursor = (cursor: CheckInCursor): string => `${cursor.postedAt}|${cursor.id}`;
function decodeCursor(text: string): CheckInCursor {
  const at = text.indexOf('|');
  return { postedAt: text.slice(0, at), id: text.slice(at + 1) };
}

export async function listStatusUpdates(request: Request): Promise<ReturnType<Defs['listStatusUpdates']>> {
  const who = await caller(request);
  if (!who.ok) return who;
  const payload = parsePayload('listStatusUpdates', request.payload);
  if (!payload.ok) return payload;
  const { target: ref, cursor } = payload.value;
  const target = await targetOf(who.value.projectId, ref);
  if (!target) return notFound(ref.kind);
  const now = nowIso();
  const [page, { summary, cadence }] = await Promise.all([
    checkInPage({ projectId: who.value.projectId, targetId: ref.id, ...(cursor ? { after: decodeCursor(cursor) } : {}) }),
    summaryOf(who.value, target, now),
  ]);
  return ok({
    updates: page.rows.map((row) => view(row, who.value.access.accountId, now)),
    ...(page.next ? { cursor: encodeCursor(page.next) } : {}),
    summary,
    cadence,
    canPost: mayPost(who.value.access, target),
  });
}

export async function editStatusUpdate(request: Request): Promise<Result<StatusUpdateView>> {
  const who = await caller(request);
  if (!who.ok) return who;
  const payload = parsePayload('editStatusUpdate', request.payload);
  if (!payload.ok) return payload;
  const { projectId, access } = who.value;
  const current = await checkInOf(projectId, payload.value.id);
  if (!current) return notFound('checkIn');
  const target = await targetOf(projectId, { kind: current.targetKind, id: current.targetId });
  if (!target) return notFound(current.targetKind);
  if (!mayPost(access, target)) return postRefusal(access, target);
  if (current.postedBy.accountId !== access.accountId) return fail('forbidden', say('updates.authorOnly'));
  const now = nowIso();
  if (!isWithinEditWindow(current.postedAt, now)) return tooLateToEdit();
  if (current.version !== payload.value.baseVersion) return conflictWith<StatusUpdateView>(view(current, access.accountId, now), 'checkIn');
  const today = dayIn(Date.parse(current.postedAt), who.value.context.timeZone);
  const { id: _id, ...stored } = current;
  const next: CheckInRecord = {
    ...stored,
    status: payload.value.status,
    text: payload.value.text,
    // The facts are those of the day it was posted; so are the disagreements they show.
    disagreements: disagreementsOf(payload.value.status, current.facts, today),
    editedAt: now,
    version: current.version + 1,
  };
  const head = await headOf(projectId, current.targetId);
  const outcome = await replaceCheckIn({ id: current.id, record: next, baseVersion: payload.value.baseVersion, head, activity: activityOf(next, current.id, target) });
  if (outcome === 'conflict') {
    const latest = await checkInOf(projectId, current.id);
    return conflictWith<StatusUpdateView>(latest ? view(latest, access.accountId, now) : undefined, 'checkIn');
  }
  return ok(view({ ...next, id: current.id }, access.accountId, now));
}

/** Every goal's and item's check-in state, for the Goals tab and the roadmap's cards. */
export async function getCheckIns(request: Request): Promise<ReturnType<Defs['getCheckIns']>> {
  const who = await caller(request);
  if (!who.ok) return who;
  const { projectId } = who.value;
  const [state, goals, items, kpis, series] = await Promise.all([
    loadCheckInState(projectId),
    goalsOfProject(projectId),
    itemsOfProject(projectId),
    kpisOfProject(projectId),
    seriesOfProject(projectId),
  ]);
  const now = nowIso();
  const judge = judging(who.value.context, now);
  const today = dayIn(Date.parse(now), who.value.context.timeZone);
  const seriesByKpi = new Map(series.map((head) => [head.kpiId, head]));
  const healthByGoal = new Map<string, Array<{ name: string; health: KpiView['health'] }>>();
  for (const kpi of kpis) {
    const health = kpiView(kpi, seriesByKpi.get(kpi.id), today).health;
    healthByGoal.set(kpi.goalId, [...(healthByGoal.get(kpi.goalId) ?? []), { name: kpi.name, health }]);
  }
  return ok({
    cadence: state.cadence,
    cadenceVersion: state.cadenceVersion,
    summaries: [
      ...goals.map((goal) => goalCheckIn(state, goal, healthByGoal.get(goal.id) ?? [], judge)),
      ...items.map((item) => itemCheckIn(state, { id: item.id, status: item.status, createdAt: item.createdAt, ...(item.endDate ? { endDate: item.endDate } : {}) }, undefined, judge)),
    ],
    today,
  });
}

export const saveCheckInCadence = editorCall('saveCheckInCadence', async ({ access, projectId, payload }) => {
  const current = await cadenceOf(projectId);
  if (current.version !== payload.baseVersion) {
    return { ok: false, error: { code: 'conflict', message: say('updates.cadenceChanged'), current } } as const;
  }
  const outcome = await saveCadence(projectId, payload.cadence, payload.baseVersion, nowIso(), access.accountId);
  if (outcome === 'conflict') {
    const now = await cadenceOf(projectId);
    return { ok: false, error: { code: 'conflict', message: say('updates.cadenceChanged'), current: now } } as const;
  }
  return ok({ cadence: payload.cadence, version: payload.baseVersion + 1 });
});
