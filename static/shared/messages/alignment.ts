import type { GoalLinkKind, UnalignedOrder } from '../../../src/domain/alignment';
import type { SprintState } from '../../../src/domain/model';
import { formatPoints } from '../format';
import english from './alignment.en-US.json';
import { catalog, textGroup } from './runtime';

const t = catalog('alignment', english);

/** What the investment chart and table measure. */
type Measure = 'points' | 'issues';

// Figures of the tab reach its texts as strings in the reader's locale: story points, and issue
// counts split evenly between goals (1.5 issues), both to one decimal at most ("12,5 SP").
const number = (value: number) => formatPoints(value);
const linkKinds = ['direct', 'item', 'both'] as const satisfies readonly GoalLinkKind[];

export const alignment = {
  get heading() { return t('heading'); },
  get intro() { return t('intro'); },
  get loading() { return t('loading'); },
  pending: (n: number) => t('pending', { count: n }),
  // Matrix
  get matrixHeading() { return t('matrixHeading'); },
  get matrixIntro() { return t('matrixIntro'); },
  get matrixEmpty() { return t('matrixEmpty'); },
  get matrixNoGoals() { return t('matrixNoGoals'); },
  get matrixCaption() { return t('matrixCaption'); },
  get epicColumn() { return t('epicColumn'); },
  // Marks, the same in every language (the matrix intro and viaLabel say them in words).
  via: { direct: '●', item: '◆', both: '● ◆' } satisfies Record<GoalLinkKind, string>,
  viaLabel: textGroup(linkKinds, (kind) => t(`viaLabel.${kind}`)),
  get notServed() { return t('notServed'); },
  // Unaligned
  unalignedHeading: (n: number) => t('unalignedHeading', { count: n }),
  get unalignedIntro() { return t('unalignedIntro'); },
  get unalignedEmpty() { return t('unalignedEmpty'); },
  get unalignedFilterLabel() { return t('unalignedFilterLabel'); },
  get unalignedFilterPlaceholder() { return t('unalignedFilterPlaceholder'); },
  unalignedShowing: (shown: number, matching: number, total: number) =>
    matching === total ? t('unalignedShowing', { shown, total }) : t('unalignedShowingMatching', { shown, matching, total }),
  unalignedNoMatch: (query: string) => t('unalignedNoMatch', { query }),
  unalignedShowMore: (n: number) => t('unalignedShowMore', { count: n }),
  unalignedShowAll: (n: number) => t('unalignedShowAll', { count: n }),
  get sortLabel() { return t('sortLabel'); },
  sortOptions: textGroup(['size', 'activity'] satisfies readonly UnalignedOrder[], (order) => t(`sortOptions.${order}`)),
  get sizeColumn() { return t('sizeColumn'); },
  get activityColumn() { return t('activityColumn'); },
  get actionColumn() { return t('actionColumn'); },
  size: (points: number, issues: number, unestimated: number) =>
    unestimated > 0 ? t('sizeUnestimated', { points: number(points), issues, unestimated }) : t('size', { points: number(points), issues }),
  get sizeLoading() { return t('sizeLoading'); },
  neverUpdated: '—',
  goalChoice: (epicKey: string) => t('goalChoice', { epicKey }),
  get chooseGoal() { return t('chooseGoal'); },
  get link() { return t('link'); },
  linkButton: (epicKey: string) => t('linkButton', { epicKey }),
  linked: (epicKey: string, goal: string) => t('linked', { epicKey, goal }),
  // The server's own sentence, already in the reader's language.
  refused: (message: string) => message,
  get noGoalsToLink() { return t('noGoalsToLink'); },
  // Goals without work
  goalsWithoutWorkHeading: (n: number) => t('goalsWithoutWorkHeading', { count: n }),
  get goalsWithoutWorkIntro() { return t('goalsWithoutWorkIntro'); },
  get goalsWithoutWorkEmpty() { return t('goalsWithoutWorkEmpty'); },
  // Sprint investment
  get investmentHeading() { return t('investmentHeading'); },
  get investmentIntro() { return t('investmentIntro'); },
  get splitNote() { return t('splitNote'); },
  get investmentEmpty() { return t('investmentEmpty'); },
  get measureLegend() { return t('measureLegend'); },
  measures: textGroup(['points', 'issues'] satisfies readonly Measure[], (measure) => t(`measures.${measure}`)),
  get noGoalSlice() { return t('noGoalSlice'); },
  get committedAndCompleted() { return t('committedAndCompleted'); },
  sprintState: textGroup(['closed', 'active', 'future'] satisfies readonly SprintState[], (state) => t(`sprintState.${state}`)),
  get sprintColumn() { return t('sprintColumn'); },
  get goalColumn() { return t('goalColumn'); },
  get committedPoints() { return t('committedPoints'); },
  get completedPoints() { return t('completedPoints'); },
  get committedIssues() { return t('committedIssues'); },
  get completedIssues() { return t('completedIssues'); },
  get totalRow() { return t('totalRow'); },
  unestimated: (n: number) => t('unestimated', { count: n }),
  chartSummary: (measure: Measure, sprints: number, goals: number) => t('chartSummary', { measure, sprints, goals }),
  /** One bar segment: `value` is the figure as `value()` formats it, `goal` the slice's goal (or "No goal"). */
  barLabel: (sprint: string, kind: 'committed' | 'completed', goal: string, value: string, measure: Measure) =>
    t('barLabel', { sprint, kind, goal, value, measure }),
  value: number,
  // Export
  get exportIntro() { return t('exportIntro'); },
  get exportAlignment() { return t('exportAlignment'); },
  get exportRoadmap() { return t('exportRoadmap'); },
  exported: (file: string) => t('exported', { file }),
};
