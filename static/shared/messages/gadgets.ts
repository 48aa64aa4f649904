/** The dashboard gadgets (Goal health, Roadmap now, Unaligned work). Their own file: their bundle takes only these. */
import type { KpiHealth } from '../../../src/domain/strategy';
import type { RoadmapItemStatus } from '../../../src/domain/roadmap';
import english from './gadgets.en-US.json';
import { catalog, textGroup } from './runtime';
import { goalStatusLabels, platformErrorTitle } from './shared-words';

const t = catalog('gadgets', english);

const gadgetKeys = ['throughline-goal-health', 'throughline-roadmap-now', 'throughline-unaligned-work'] as const;
const healths = ['on-track', 'at-risk', 'off-track', 'no-data'] as const satisfies readonly KpiHealth[];
const itemStatuses = ['idea', 'planned', 'in-progress', 'done', 'parked'] as const satisfies readonly RoadmapItemStatus[];

export const gadgets = {
  title: textGroup(gadgetKeys, (key) => t(`title.${key}`)) as Readonly<Record<string, string>>,
  get loading() {
    return t('loading');
  },
  get retry() {
    return t('retry');
  },
  projectOf: (name: string, key: string) => t('projectOf', { name, key }),
  get openProduct() {
    return t('openProduct');
  },
  openProductOf: (name: string) => t('openProductOf', { name }),
  more: (n: number) => t('more', { n }),

  get notConfiguredTitle() {
    return t('notConfiguredTitle');
  },
  get notConfigured() {
    return t('notConfigured');
  },

  get deniedTitle() {
    return t('deniedTitle');
  },
  errorTitle: (code: string) =>
    code === 'forbidden' || code === 'not-found' ? t(`errorTitle.${code}`) : (platformErrorTitle(code) ?? t('errorTitle.other')),

  goalStatus: goalStatusLabels,
  health: textGroup(healths, (health) => t(`health.${health}`)) satisfies Record<KpiHealth, string>,
  kpiWithHealth: (name: string, health: KpiHealth) => t(`kpiWithHealth.${health}`, { name }),
  get noKpis() {
    return t('noKpis');
  },
  get goalsEmpty() {
    return t('goalsEmpty');
  },
  get goalsLabel() {
    return t('goalsLabel');
  },

  itemStatus: textGroup(itemStatuses, (status) => t(`itemStatus.${status}`)) satisfies Record<RoadmapItemStatus, string>,
  get nowEmpty() {
    return t('nowEmpty');
  },
  nowEmptyForGoal: (goal: string) => t('nowEmptyForGoal', { goal }),
  forGoal: (goal: string) => t('forGoal', { goal }),
  get itemsLabel() {
    return t('itemsLabel');
  },
  progress: (done: number, total: number) => t('progress', { done, total }),
  progressLabel: (done: number, total: number) => t('progressLabel', { done, total }),
  get noEpics() {
    return t('noEpics');
  },
  get progressLoading() {
    return t('progressLoading');
  },
  finish: (date: string) => t('finish', { date }),
  get atRisk() {
    return t('atRisk');
  },
  atRiskOf: (title: string, endDate: string | undefined) => (endDate ? t('atRiskPastEnd', { title, endDate }) : t('atRiskOf', { title })),
  openItem: (title: string) => t('openItem', { title }),
  get stillLoading() {
    return t('stillLoading');
  },

  unalignedCount: (n: number) => t('unalignedCount', { n }),
  get largestLabel() {
    return t('largestLabel');
  },
  epicSize: (n: number | undefined) => (n === undefined ? t('epicSizeLoading') : t('epicSize', { n })),
  get goalsWithoutWorkLabel() {
    return t('goalsWithoutWorkLabel');
  },
  get goalsWithoutWorkNone() {
    return t('goalsWithoutWorkNone');
  },

  edit: {
    get heading() {
      return t('edit.heading');
    },
    get product() {
      return t('edit.product');
    },
    get productHelper() {
      return t('edit.productHelper');
    },
    get noProducts() {
      return t('edit.noProducts');
    },
    get chooseProduct() {
      return t('edit.chooseProduct');
    },
    get goal() {
      return t('edit.goal');
    },
    get allGoals() {
      return t('edit.allGoals');
    },
    get rows() {
      return t('edit.rows');
    },
    rowsHelper: (max: number) => t('edit.rowsHelper', { max }),
    rowsError: (max: number) => t('edit.rowsError', { max }),
    get productError() {
      return t('edit.productError');
    },
    get refresh() {
      return t('edit.refresh');
    },
    get refreshOff() {
      return t('edit.refreshOff');
    },
    refreshEvery: (minutes: number) => t('edit.refreshEvery', { minutes }),
    get save() {
      return t('edit.save');
    },
    get saving() {
      return t('edit.saving');
    },
  },
};
