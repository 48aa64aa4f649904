/** The "Product context" panel on an epic. Its own file: the panel's bundle takes only these. */
import type { Horizon, RoadmapItemStatus } from '../../../src/domain/roadmap';
import type { SprintState } from '../../../src/domain/model';
import { goalStatusLabels, platformErrorTitle } from './shared-words';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const epicPanel = {
  loading: 'Loading product context…',
  label: (key: string) => `Product context of ${key}`,

  goalsHeading: 'Goals it serves',
  goalsEmpty: 'This epic serves no goal yet.',
  goalsEmptyEditor: 'Link a goal or a roadmap item to show why this work matters.',
  goalsEmptyReader: 'Someone who can edit this epic can link it to the product’s goals.',
  direct: 'Linked directly',
  through: (items: string) => `Through ${items}`,
  kpisEmpty: 'This goal has no KPIs yet.',
  kpisLabel: (goal: string) => `KPIs of “${goal}”`,
  kpiLatest: (value: string, target: string) => `Latest ${value}, target ${target}`,
  kpiNoValue: (target: string) => `No value yet, target ${target}`,
  goalStatus: goalStatusLabels,

  itemsHeading: 'Roadmap items it delivers',
  itemsEmpty: 'This epic delivers no roadmap item yet.',
  horizon: { now: 'Now', next: 'Next', later: 'Later' } satisfies Record<Horizon, string>,
  itemStatus: {
    idea: 'Idea',
    planned: 'Planned',
    'in-progress': 'In progress',
    done: 'Done',
    parked: 'Parked',
  } satisfies Record<RoadmapItemStatus, string>,
  itemDates: (start: string | undefined, end: string | undefined) =>
    start && end ? `${start} – ${end}` : start ? `From ${start}` : end ? `Until ${end}` : undefined,

  progressHeading: 'Progress',
  progressEmpty: 'This epic has no child issues yet.',
  issuesDone: (done: number, total: number) => `${done} of ${plural(total, 'issue', 'issues')} done`,
  issuesBreakdown: (todo: number, inProgress: number, done: number) => `${done} done, ${inProgress} in progress, ${todo} to do`,
  pointsDone: (done: string, total: string) => `${done} of ${total} story points done`,
  noPoints: 'No story points yet.',
  unestimated: (count: number) => `${plural(count, 'issue has', 'issues have')} no estimate`,
  unestimatedHint: 'Unestimated issues are counted above, but not in the points.',

  sprintsHeading: 'Sprints',
  sprintsEmpty: 'None of this epic’s issues is in a sprint.',
  sprintGroup: { closed: 'Past', active: 'Active', future: 'Future' } satisfies Record<SprintState, string>,
  sprintWork: (issues: number, done: number, points: string) => `${plural(issues, 'issue', 'issues')}, ${done} done, ${points} points`,
  carriedOver: (count: number) => `${count} carried over`,
  backlog: (issues: number, points: string) => `Backlog: ${plural(issues, 'issue', 'issues')} not in a sprint (${points} points)`,

  editLinks: 'Change links',
  editHeading: 'What this epic serves',
  goalsLegend: 'Goals (linked directly)',
  itemsLegend: 'Roadmap items (their goals are served too)',
  noGoalOptions: 'This product has no goals yet. Add them on the Product page.',
  noItemOptions: 'This product has no roadmap items yet.',
  itemGoal: (goal: string) => `Goal: ${goal}`,
  save: 'Save links',
  saving: 'Saving…',
  cancel: 'Cancel',
  saved: 'Links saved.',
  unchanged: 'Nothing changed.',
  readOnly: 'You can see what this epic serves. To change it you need permission to edit this epic in Jira.',

  conflictTitle: 'Someone else changed these links',
  conflictReload: 'Reload',
  forbiddenTitle: 'You can’t change this epic’s links',
  saveFailedTitle: 'The links weren’t saved',
  notEpicTitle: 'Product context is for epics',
  retry: 'Try again',
  errorTitle: (code: string) =>
    ({
      forbidden: 'You can’t see this epic’s product context',
      'not-found': 'This epic isn’t there',
      conflict: 'Someone else changed this',
    } as Record<string, string>)[code] ??
    platformErrorTitle(code) ??
    'Something went wrong',
  announceConflict: 'Someone else changed these links. Their links are shown.',
};
