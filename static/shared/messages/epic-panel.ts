/** The "Product context" panel on an epic. Its own file: the panel's bundle takes only these. */
import type { Horizon, RoadmapItemStatus } from '../../../src/domain/roadmap';
import type { SprintState } from '../../../src/domain/model';
import english from './epic-panel.en-US.json';
import { catalog, textGroup, textLocale } from './runtime';
import { goalStatusLabels, platformErrorTitle } from './shared-words';

const t = catalog('epicPanel', english);
const ownErrorCodes = ['forbidden', 'not-found', 'conflict'] as const;

export const epicPanel = {
  get loading() { return t('loading'); },
  label: (key: string) => t('label', { key }),

  get goalsHeading() { return t('goalsHeading'); },
  get goalsEmpty() { return t('goalsEmpty'); },
  get goalsEmptyEditor() { return t('goalsEmptyEditor'); },
  get goalsEmptyReader() { return t('goalsEmptyReader'); },
  get direct() { return t('direct'); },
  /** The roadmap items a goal is served through, each quoted, listed as the reader's language lists. */
  through: (items: readonly string[]) =>
    t('through', { items: new Intl.ListFormat(textLocale(), { type: 'conjunction' }).format(items.map((title) => t('quoted', { title }))) }),
  get kpisEmpty() { return t('kpisEmpty'); },
  kpisLabel: (goal: string) => t('kpisLabel', { goal }),
  kpiLatest: (value: string, target: string) => t('kpiLatest', { value, target }),
  kpiNoValue: (target: string) => t('kpiNoValue', { target }),
  goalStatus: goalStatusLabels,

  get itemsHeading() { return t('itemsHeading'); },
  get itemsEmpty() { return t('itemsEmpty'); },
  horizon: textGroup(['now', 'next', 'later'] satisfies readonly Horizon[], (horizon) => t(`horizon.${horizon}`)),
  itemStatus: textGroup(['idea', 'planned', 'in-progress', 'done', 'parked'] satisfies readonly RoadmapItemStatus[], (status) => t(`itemStatus.${status}`)),
  itemDates: (start: string | undefined, end: string | undefined) =>
    start && end ? t('itemDates.range', { start, end }) : start ? t('itemDates.from', { start }) : end ? t('itemDates.until', { end }) : undefined,

  get progressHeading() { return t('progressHeading'); },
  get progressEmpty() { return t('progressEmpty'); },
  issuesDone: (done: number, total: number) => t('issuesDone', { done, total }),
  issuesBreakdown: (todo: number, inProgress: number, done: number) => t('issuesBreakdown', { todo, inProgress, done }),
  pointsDone: (done: string, total: string) => t('pointsDone', { done, total }),
  get noPoints() { return t('noPoints'); },
  /** Both sentences in one text: each language ends a sentence its own way (“.” / “。”). */
  unestimatedNote: (count: number) => t('unestimatedNote', { count }),

  get sprintsHeading() { return t('sprintsHeading'); },
  get sprintsEmpty() { return t('sprintsEmpty'); },
  sprintGroup: textGroup(['closed', 'active', 'future'] satisfies readonly SprintState[], (state) => t(`sprintGroup.${state}`)),
  sprintWork: (issues: number, done: number, points: string) => t('sprintWork', { issues, done, points }),
  carriedOver: (count: number) => t('carriedOver', { count }),
  backlog: (issues: number, points: string) => t('backlog', { issues, points }),

  get editLinks() { return t('editLinks'); },
  get editHeading() { return t('editHeading'); },
  get goalsLegend() { return t('goalsLegend'); },
  get itemsLegend() { return t('itemsLegend'); },
  get noGoalOptions() { return t('noGoalOptions'); },
  get noItemOptions() { return t('noItemOptions'); },
  itemGoal: (goal: string) => t('itemGoal', { goal }),
  get save() { return t('save'); },
  get saving() { return t('saving'); },
  get cancel() { return t('cancel'); },
  get saved() { return t('saved'); },
  get unchanged() { return t('unchanged'); },
  get readOnly() { return t('readOnly'); },

  get conflictTitle() { return t('conflictTitle'); },
  get conflictReload() { return t('conflictReload'); },
  get forbiddenTitle() { return t('forbiddenTitle'); },
  get saveFailedTitle() { return t('saveFailedTitle'); },
  get notEpicTitle() { return t('notEpicTitle'); },
  get retry() { return t('retry'); },
  errorTitle: (code: string) =>
    (ownErrorCodes as readonly string[]).includes(code)
      ? t(`errorTitle.${code as (typeof ownErrorCodes)[number]}`)
      : platformErrorTitle(code) ?? t('errorTitle.unexpected'),
  get announceConflict() { return t('announceConflict'); },
};
