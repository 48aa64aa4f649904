import type { SimIssue } from '../jira/model';
import { STATUS_IDS } from './catalog';
import type { ChildFate, EpicPhase } from './child-fate';
import { childFate, phaseOf } from './child-fate';
import type { Random } from './random';
import type { ProjectSpec } from './spec';
import type { SprintPlan } from './sprints';
import { DAY_MS } from './sprints';
import type { ChildKind } from './summaries';
import { summaryPicker } from './summaries';

/** Hands out issue ids, per-project key numbers and LexoRank-like ranks in creation order. */
export class IssueNumbering {
  private nextId = 10001;
  private readonly keyNumbers = new Map<string, number>();
  private rankCounter = 0;

  constructor(private readonly random: Random) {}

  next(projectKey: string): { id: string; key: string; rank: string } {
    const number = (this.keyNumbers.get(projectKey) ?? 0) + 1;
    this.keyNumbers.set(projectKey, number);
    // Gaps between ranks, as real boards have after issues were moved around.
    this.rankCounter += this.random.int(1, 9);
    const rank = `0|i${this.rankCounter.toString(36).padStart(5, '0')}:`;
    return { id: String(this.nextId++), key: `${projectKey}-${number}`, rank };
  }
}

const ESTIMATES = [1, 2, 2, 3, 3, 3, 5, 5, 5, 8, 8, 13];
const PRIORITIES = ['Highest', 'High', 'High', 'Medium', 'Medium', 'Medium', 'Medium', 'Low', 'Low', 'Lowest'];

interface ProjectContext {
  spec: ProjectSpec;
  plan: SprintPlan;
  random: Random;
  numbering: IssueNumbering;
  now: number;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function childKind(random: Random): ChildKind {
  const roll = random.next();
  return roll < 0.6 ? 'story' : roll < 0.85 ? 'task' : 'bug';
}

const LABEL_COUNTS = [0, 0, 1, 1, 2];

function labelsFor(ctx: ProjectContext): string[] {
  const { random, spec } = ctx;
  const count = random.pick(LABEL_COUNTS);
  if (count === 0) return [];
  const first = random.pick(spec.labels);
  const second = count === 2 ? random.pick(spec.labels) : first;
  return first === second ? [first] : [first, second].sort();
}

function estimateFor(ctx: ProjectContext, kind: ChildKind): Record<string, unknown> {
  const { spec, random } = ctx;
  if (!spec.storyPointField) return {};
  const share = kind === 'bug' ? spec.estimatedShare * 0.6 : spec.estimatedShare;
  return random.chance(share) ? { [spec.storyPointField]: random.pick(ESTIMATES) } : {};
}

/** Creation and update times consistent with the fate: created before work started, updated after. */
function setTimes(ctx: ProjectContext, issue: SimIssue, fate: ChildFate): void {
  const { random, now } = ctx;
  const created = Math.min(fate.startedBy, now - DAY_MS) - random.int(1, 21) * DAY_MS - random.int(0, 8) * 3600_000;
  let updated: number;
  if (fate.resolvedAt !== undefined) updated = Math.min(now, fate.resolvedAt + random.int(0, 36) * 3600_000);
  else if (fate.statusId === STATUS_IDS.inProgress || fate.statusId === STATUS_IDS.inReview)
    updated = now - random.int(1, 96) * 3600_000;
  else updated = created + random.next() * (now - created) * 0.5;
  issue.created = iso(created);
  issue.updated = iso(Math.max(updated, created + 60_000));
  if (fate.resolvedAt !== undefined) issue.resolutiondate = iso(fate.resolvedAt);
}

// Built by assignment rather than object spreads: the large site makes 20,000 of these and must stay fast.
function child(ctx: ProjectContext, epic: SimIssue, fate: ChildFate, summary: (kind: ChildKind) => string): SimIssue {
  const { spec, random, numbering } = ctx;
  const kind = childKind(random);
  const { id, key, rank } = numbering.next(spec.project.key);
  const issue: SimIssue = {
    id,
    key,
    rank,
    projectId: spec.project.id,
    issueTypeId: spec.issueTypes[kind],
    summary: summary(kind),
    statusId: fate.statusId,
    parentId: epic.id,
    sprintIds: fate.sprintIds,
    labels: labelsFor(ctx),
    reporterAccountId: random.chance(0.5) ? spec.project.leadAccountId : random.pick(spec.team),
    priorityName: random.pick(PRIORITIES),
    created: '',
    updated: '',
    customFields: estimateFor(ctx, kind),
    properties: {},
  };
  const waiting = fate.statusId === STATUS_IDS.backlog || fate.statusId === STATUS_IDS.toDo;
  if (!waiting || random.chance(0.5)) issue.assigneeAccountId = random.pick(spec.team);
  setTimes(ctx, issue, fate);
  return issue;
}

const EPIC_STATUS: Record<EpicPhase, string> = {
  shipped: STATUS_IDS.done,
  building: STATUS_IDS.inProgress,
  planned: STATUS_IDS.toDo,
};

/** An epic (its times are settled once its children exist) and its children. */
function epicWithChildren(ctx: ProjectContext, name: string, index: number): SimIssue[] {
  const { spec, random, numbering, now } = ctx;
  const phase = phaseOf(index, spec.epics.length);
  const epic: SimIssue = {
    ...numbering.next(spec.project.key),
    projectId: spec.project.id,
    issueTypeId: spec.issueTypes.epic,
    summary: name,
    statusId: EPIC_STATUS[phase],
    sprintIds: [],
    labels: labelsFor(ctx),
    assigneeAccountId: spec.project.leadAccountId,
    reporterAccountId: spec.project.leadAccountId,
    priorityName: random.pick(PRIORITIES),
    created: '',
    updated: '',
    customFields: {},
    properties: {},
  };
  const shippedCount = Math.max(1, Math.round(spec.epics.length * 0.3));
  const fateContext = { plan: ctx.plan, random, now, position: Math.min(0.999, index / shippedCount) };
  const summary = summaryPicker(random, name);
  const count = random.int(spec.childrenPerEpic.min, spec.childrenPerEpic.max);
  const children = Array.from({ length: count }, () => child(ctx, epic, childFate(phase, fateContext), summary));
  const times = children.map((c) => Date.parse(c.created));
  epic.created = iso(Math.min(now - 30 * DAY_MS, ...times) - random.int(2, 14) * DAY_MS);
  epic.updated = iso(Math.max(Date.parse(epic.created) + DAY_MS, ...children.map((c) => Date.parse(c.updated))));
  if (phase === 'shipped') epic.resolutiondate = epic.updated;
  return [epic, ...children];
}

export function projectIssues(ctx: ProjectContext): SimIssue[] {
  return ctx.spec.epics.flatMap((name, index) => epicWithChildren(ctx, name, index));
}
