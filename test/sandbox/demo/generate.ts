import type { SimBoard, SimIssue, SimIssueType, SimProject, SimSite, SimSprint } from '../jira/model';
import { demoFields, demoStatuses, globalIssueTypes, scopedIssueTypes } from './catalog';
import { phaseOf } from './child-fate';
import { IssueNumbering, projectIssues } from './issues';
import { seededRandom } from './random';
import type { ProjectSpec, SiteSpec } from './spec';
import { allSprints, planSprints } from './sprints';
import { addSubtasks } from './subtasks';
import { DEMO_USERS, demoUsers } from './users';

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** One goal per sprint, in time order: closed sprints shipped epics, the active one builds, future ones plan. */
function sprintGoals(spec: ProjectSpec): string[] {
  const schedule = spec.sprints;
  if (!schedule) return [];
  const byPhase = (phase: string): string[] =>
    spec.epics.filter((_, i) => phaseOf(i, spec.epics.length) === phase).map(lowerFirst);
  const goalFrom = (names: string[], i: number, verb: string): string => {
    const name = names[i % Math.max(1, names.length)];
    return name ? `${verb} ${name}` : '';
  };
  const shipped = byPhase('shipped');
  return [
    ...Array.from({ length: schedule.closed }, (_, i) => goalFrom(shipped, Math.floor((i * shipped.length) / schedule.closed), 'Ship')),
    goalFrom(byPhase('building'), 0, 'Finish'),
    ...Array.from({ length: schedule.future }, (_, i) => goalFrom(byPhase('planned'), i, 'Start')),
  ];
}

export function generateSite(spec: SiteSpec): SimSite {
  const random = seededRandom(spec.seed);
  const numbering = new IssueNumbering(random);
  const now = Date.parse(spec.now);
  const issueTypes: SimIssueType[] = globalIssueTypes();
  const projects: SimProject[] = [];
  const boards: SimBoard[] = [];
  const sprints: SimSprint[] = [];
  const issues: SimIssue[] = [];

  for (const projectSpec of spec.projects) {
    const types = projectSpec.scopedIssueTypes ? scopedIssueTypes(projectSpec.issueTypes, projectSpec.project.id) : [];
    issueTypes.push(...types);
    // A copy: tests change a site's permissions, and the next site must not inherit that.
    projects.push({ ...structuredClone(projectSpec.project), issueTypeIds: Object.values(projectSpec.issueTypes) });
    boards.push(...projectSpec.boards.map((b) => ({ ...structuredClone(b), projectId: projectSpec.project.id })));
    const sprintBoard = projectSpec.boards.find((b) => b.type === 'scrum' || (b.type === 'simple' && b.sprintsEnabled === true));
    const plan = sprintBoard
      ? planSprints({ spec: projectSpec, boardId: sprintBoard.id, firstId: sprints.length + 1, goals: sprintGoals(projectSpec) })
      : planSprints({ spec: { ...projectSpec, sprints: undefined }, boardId: 0, firstId: 0, goals: [] });
    sprints.push(...allSprints(plan));
    issues.push(...projectIssues({ spec: projectSpec, plan, random, numbering, now }));
  }

  for (const { board, sprints: planned } of spec.crossProjectBoards ?? []) {
    boards.push(structuredClone(board));
    sprints.push(...planned.map((sprint, i): SimSprint => ({ ...sprint, id: sprints.length + 1 + i, boardId: board.id })));
  }

  const projectKeys = new Map(projects.map((p) => [p.id, p.key]));
  issues.push(...addSubtasks({ issues, issueTypes, projectKeys, parents: spec.subtaskParents, random, numbering, now }));

  return {
    baseUrl: spec.baseUrl,
    cloudId: spec.cloudId,
    users: demoUsers(),
    jiraAdmins: [DEMO_USERS.admin],
    projects,
    issueTypes,
    statuses: demoStatuses(),
    fields: demoFields(),
    issues,
    boards,
    sprints,
    entityPropertyIndexes: spec.entityPropertyIndexes,
    now: spec.now,
  };
}
