import english from './create-epic.en-US.json';
import { catalog } from './runtime';

const t = catalog('createEpic', english);

/** Creating an epic from a roadmap item (item panel). */
export const createEpic = {
  get open() {
    return t('open');
  },
  openLabel: (title: string) => t('openLabel', { title }),
  get heading() {
    return t('heading');
  },
  get summary() {
    return t('summary');
  },
  get description() {
    return t('description');
  },
  get descriptionHelp() {
    return t('descriptionHelp');
  },
  get summaryHelp() {
    return t('summaryHelp');
  },
  get create() {
    return t('create');
  },
  get creating() {
    return t('creating');
  },
  created: (key: string, title: string) => t('created', { key, title }),
  get createdTitle() {
    return t('createdTitle');
  },
  /** Followed by the JQL that finds the epic, as code. */
  get createdBody() {
    return t('createdBody');
  },
  get syncing() {
    return t('syncing');
  },
  get requiredTitle() {
    return t('requiredTitle');
  },
  get requiredList() {
    return t('requiredList');
  },
  get requiredHint() {
    return t('requiredHint');
  },
};

/** The finding tools of issue 10: horizon and "no epics" filters, lanes, KPI JQL links, the matrix's filter. */
export const finding = {
  get horizon() {
    return t('finding.horizon');
  },
  get anyHorizon() {
    return t('finding.anyHorizon');
  },
  get noEpics() {
    return t('finding.noEpics');
  },
  get noEpicsLabel() {
    return t('finding.noEpicsLabel');
  },
  collapseLane: (name: string) => t('finding.collapseLane', { name }),
  expandLane: (name: string) => t('finding.expandLane', { name }),
  laneCollapsed: (name: string) => t('finding.laneCollapsed', { name }),
  laneExpanded: (name: string) => t('finding.laneExpanded', { name }),
  collapsedCount: (count: number) => t('finding.collapsedCount', { count }),
  openJql: (name: string) => t('finding.openJql', { name }),
  get openJqlShort() {
    return t('finding.openJqlShort');
  },
  get numerator() {
    return t('finding.numerator');
  },
  get denominator() {
    return t('finding.denominator');
  },
  get matrixFilter() {
    return t('finding.matrixFilter');
  },
  get matrixFilterPlaceholder() {
    return t('finding.matrixFilterPlaceholder');
  },
  matrixCount: (shown: number, total: number) => (shown === total ? t('finding.matrixCountAll', { total }) : t('finding.matrixCount', { shown, total })),
  matrixMore: (count: number) => t('finding.matrixMore', { count }),
  get matrixAll() {
    return t('finding.matrixAll');
  },
  get matrixNone() {
    return t('finding.matrixNone');
  },
};
