import type { ForecastGap } from '../../../src/domain/forecast';
import { horizons, itemStatuses, roadmapLayouts } from '../../../src/domain/roadmap';
import type { StatusCategory } from '../../../src/domain/model';
import english from './roadmap.en-US.json';
import { catalog, textGroup } from './runtime';

const t = catalog('roadmap', english);

const forecastGaps = ['no-work', 'kanban-only', 'no-estimate-field', 'no-estimates', 'all-unestimated', 'no-velocity'] as const satisfies readonly ForecastGap[];

/**
 * The Roadmap tab: layouts, lanes, cards, the details panel, epics, the lane editor and the filter
 * bar. Days come formatted (static/shared/format.ts); story points come as numbers already rounded
 * to what is shown (shownPoints), so the locale groups and separates them.
 */
export const roadmap = {
  get heading() {
    return t('heading');
  },
  get intro() {
    return t('intro');
  },
  get loading() {
    return t('loading');
  },
  pendingProgress: (n: number) => t('pendingProgress', { n }),
  get layoutLegend() {
    return t('layoutLegend');
  },
  layouts: textGroup(roadmapLayouts, (layout) => t(`layouts.${layout}`)),
  horizons: textGroup(horizons, (horizon) => t(`horizons.${horizon}`)),
  get currentColumn() {
    return t('currentColumn');
  },
  get timelineFallback() {
    return t('timelineFallback');
  },
  get noGoal() {
    return t('noGoal');
  },
  get noLane() {
    return t('noLane');
  },
  laneHeading: (name: string, count: number) => t('laneHeading', { name, count }),
  laneRegion: (name: string) => t('laneRegion', { name }),
  cellLabel: (column: string, lane: string, count: number) => t('cellLabel', { column, lane, count }),
  archivedGoal: (title: string) => t('archivedGoal', { title }),
  get columnsLabel() {
    return t('columnsLabel');
  },
  get laneColumn() {
    return t('laneColumn');
  },
  get addItem() {
    return t('addItem');
  },
  addItemTo: (lane: string) => t('addItemTo', { lane }),
  get emptyEditor() {
    return t('emptyEditor');
  },
  get emptyReader() {
    return t('emptyReader');
  },
  status: textGroup(itemStatuses, (status) => t(`status.${status}`)),
  openItem: (title: string) => t('openItem', { title }),
  dates: (start: string | undefined, end: string | undefined) =>
    start && end ? t('datesRange', { start, end }) : start ? t('datesFrom', { start }) : end ? t('datesUntil', { end }) : '',
  epicCount: (n: number) => t('epicCount', { n }),
  get atRisk() {
    return t('atRisk');
  },
  atRiskDetail: (days: number | undefined) => (days ? t('atRiskDays', { days }) : t('atRiskDetail')),
  pointsDone: (done: number, total: number) => t('pointsDone', { done, total }),
  issuesDone: (done: number, total: number) => t('issuesDone', { done, total }),
  unestimated: (n: number) => t('unestimated', { n }),
  get noChildren() {
    return t('noChildren');
  },
  progressLabel: (unit: 'pts' | 'issues', done: number, inProgress: number, todo: number) =>
    unit === 'pts' ? t('progressLabelPoints', { done, inProgress, todo }) : t('progressLabelIssues', { done, inProgress, todo }),
  get progressLoading() {
    return t('progressLoading');
  },
  get noEpics() {
    return t('noEpics');
  },
  forecastFinish: (when: string) => t('forecastFinish', { when }),
  forecastSprint: (sprint: string, end: string) => t('forecastSprint', { sprint, end }),
  forecastProjected: (end: string) => t('forecastProjected', { end }),
  get forecastDone() {
    return t('forecastDone');
  },
  noForecast: (why: string) => t('noForecast', { why }),
  forecastGap: textGroup(forecastGaps, (gap) => t(`forecastGap.${gap}`)),
  forecastAssumed: (points: number, issues: number) => t('forecastAssumed', { points, issues }),
  forecastBasis: (velocity: number, sprints: number) => t('forecastBasis', { velocity, sprints }),
  get deliveryHeading() {
    return t('deliveryHeading');
  },
  get sprintsLabel() {
    return t('sprintsLabel');
  },
  sprintsActive: (names: string) => t('sprintsActive', { names }),
  sprintsFuture: (names: string) => t('sprintsFuture', { names }),
  sprintsPast: (n: number) => t('sprintsPast', { n }),
  get sprintsNone() {
    return t('sprintsNone');
  },
  sprintsBacklog: (n: number) => t('sprintsBacklog', { n }),
  sprintWork: (issues: number, done: number) => t('sprintWork', { issues, done }),
  sprintState: textGroup(['closed', 'active', 'future'] as const, (state) => t(`sprintState.${state}`)) as Readonly<Record<string, string>>,
  more: (n: number) => t('more', { n }),
  moveMenu: (title: string) => t('moveMenu', { title }),
  get moveUp() {
    return t('moveUp');
  },
  get moveDown() {
    return t('moveDown');
  },
  moveToColumn: (column: string) => t('moveToColumn', { column }),
  moveToLane: (lane: string) => t('moveToLane', { lane }),
  get moveHint() {
    return t('moveHint');
  },
  moved: (title: string, column: string, lane: string, position: number, total: number) => t('moved', { title, column, lane, position, total }),
  get moveConflict() {
    return t('moveConflict');
  },
  moveFailed: (title: string) => t('moveFailed', { title }),
  get dropIndicator() {
    return t('dropIndicator');
  },
  details: (title: string) => t('details', { title }),
  get closeDetails() {
    return t('closeDetails');
  },
  get createHeading() {
    return t('createHeading');
  },
  editHeading: (title: string) => t('editHeading', { title }),
  get title() {
    return t('title');
  },
  get description() {
    return t('description');
  },
  get descriptionEmpty() {
    return t('descriptionEmpty');
  },
  get goal() {
    return t('goal');
  },
  get lane() {
    return t('lane');
  },
  get horizon() {
    return t('horizon');
  },
  get startDate() {
    return t('startDate');
  },
  get endDate() {
    return t('endDate');
  },
  /** The term for an item's start and end dates together, in the details panel. */
  get datesTerm() {
    return t('datesTerm');
  },
  get statusLabel() {
    return t('statusLabel');
  },
  get noGoalOption() {
    return t('noGoalOption');
  },
  get noLaneOption() {
    return t('noLaneOption');
  },
  get create() {
    return t('create');
  },
  created: (title: string) => t('created', { title }),
  saved: (title: string) => t('saved', { title }),
  editItem: (title: string) => t('editItem', { title }),
  deleteItem: (title: string) => t('deleteItem', { title }),
  confirmDeleteTitle: (title: string) => t('confirmDeleteTitle', { title }),
  confirmDeleteBody: (epics: number) => t('confirmDeleteBody', { epics }),
  get confirmDelete() {
    return t('confirmDelete');
  },
  deleted: (title: string) => t('deleted', { title }),
  get datesInvalid() {
    return t('datesInvalid');
  },
  updatedBy: (who: string, when: string) => t('updatedBy', { who, when }),
  get epicsHeading() {
    return t('epicsHeading');
  },
  get epicsEmpty() {
    return t('epicsEmpty');
  },
  get epicSearch() {
    return t('epicSearch');
  },
  get epicSearchPlaceholder() {
    return t('epicSearchPlaceholder');
  },
  get epicResults() {
    return t('epicResults');
  },
  get epicNone() {
    return t('epicNone');
  },
  get epicSearching() {
    return t('epicSearching');
  },
  epicCountFound: (n: number) => t('epicCountFound', { n }),
  epicLinked: (key: string, title: string) => t('epicLinked', { key, title }),
  epicUnlinked: (key: string, title: string) => t('epicUnlinked', { key, title }),
  get unlink() {
    return t('unlink');
  },
  unlinkEpic: (key: string) => t('unlinkEpic', { key }),
  get linkConflict() {
    return t('linkConflict');
  },
  epicStatus: textGroup(['todo', 'in-progress', 'done'] satisfies readonly StatusCategory[], (category) => t(`epicStatus.${category}`)),
  get editLanes() {
    return t('editLanes');
  },
  get laneEditorHeading() {
    return t('laneEditorHeading');
  },
  get laneModeLegend() {
    return t('laneModeLegend');
  },
  laneModes: textGroup(['goals', 'custom'] as const, (mode) => t(`laneModes.${mode}`)),
  laneName: (position: number) => t('laneName', { position: String(position) }),
  get addLane() {
    return t('addLane');
  },
  get newLaneName() {
    return t('newLaneName');
  },
  laneUp: (name: string) => t('laneUp', { name }),
  laneDown: (name: string) => t('laneDown', { name }),
  removeLane: (name: string) => t('removeLane', { name }),
  get lanesEmpty() {
    return t('lanesEmpty');
  },
  get laneNameRequired() {
    return t('laneNameRequired');
  },
  get saveLanes() {
    return t('saveLanes');
  },
  get lanesSaved() {
    return t('lanesSaved');
  },
  lanesTheirs: (names: string) => (names ? t('lanesTheirs', { names }) : t('lanesTheirsNone')),
  get removeLaneHint() {
    return t('removeLaneHint');
  },
  get filterLegend() {
    return t('filterLegend');
  },
  get filterText() {
    return t('filterText');
  },
  get filterTextPlaceholder() {
    return t('filterTextPlaceholder');
  },
  get filterGoal() {
    return t('filterGoal');
  },
  get filterAnyGoal() {
    return t('filterAnyGoal');
  },
  get filterStatus() {
    return t('filterStatus');
  },
  get filterAnyStatus() {
    return t('filterAnyStatus');
  },
  get filterAtRisk() {
    return t('filterAtRisk');
  },
  get filterClear() {
    return t('filterClear');
  },
  filterCount: (shown: number, total: number) => t('filterCount', { shown, total }),
  get filterEmpty() {
    return t('filterEmpty');
  },
};
