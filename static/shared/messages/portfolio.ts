/** The "Product portfolio" global page. Its own file: the portfolio's bundle takes only these. */
import type { KpiHealth } from '../../../src/domain/strategy';
import type { Horizon, RoadmapItemStatus } from '../../../src/domain/roadmap';
import english from './portfolio.en-US.json';
import { catalog, textGroup } from './runtime';
import { goalStatusLabels, platformErrorTitle } from './shared-words';

const t = catalog('portfolio', english);

const healths = ['on-track', 'at-risk', 'off-track', 'no-data'] as const satisfies readonly KpiHealth[];
const horizons = ['now', 'next', 'later'] as const satisfies readonly Horizon[];
const itemStatuses = ['idea', 'planned', 'in-progress', 'done', 'parked'] as const satisfies readonly RoadmapItemStatus[];

export const portfolio = {
  get title() {
    return t('title');
  },
  get intro() {
    return t('intro');
  },
  get loading() {
    return t('loading');
  },
  get retry() {
    return t('retry');
  },
  get productsLabel() {
    return t('productsLabel');
  },
  count: (n: number) => t('count', { n }),

  get emptyTitle() {
    return t('emptyTitle');
  },
  get emptyBody() {
    return t('emptyBody');
  },

  get noVision() {
    return t('noVision');
  },
  projectOf: (name: string, key: string) => t('projectOf', { name, key }),
  get open() {
    return t('open');
  },
  openLabel: (product: string) => t('openLabel', { product }),

  get goalsHeading() {
    return t('goalsHeading');
  },
  goalsHeadingCount: (n: number) => t('goalsHeadingCount', { n }),
  get goalsEmpty() {
    return t('goalsEmpty');
  },
  goalStatus: goalStatusLabels,
  goalKpis: (n: number) => t('goalKpis', { n }),

  get kpiHeading() {
    return t('kpiHeading');
  },
  get kpiEmpty() {
    return t('kpiEmpty');
  },
  health: textGroup(healths, (health) => t(`health.${health}`)) satisfies Record<KpiHealth, string>,
  healthCount: (n: number, health: KpiHealth) => t(`healthCount.${health}`, { n }),
  kpiWithHealth: (name: string, health: KpiHealth) => t(`kpiWithHealth.${health}`, { name }),

  get roadmapHeading() {
    return t('roadmapHeading');
  },
  roadmapHeadingCount: (n: number) => t('roadmapHeadingCount', { n }),
  get roadmapEmpty() {
    return t('roadmapEmpty');
  },
  horizon: textGroup(horizons, (horizon) => t(`horizon.${horizon}`)) satisfies Record<Horizon, string>,
  itemStatus: textGroup(itemStatuses, (status) => t(`itemStatus.${status}`)) satisfies Record<RoadmapItemStatus, string>,
  get byHorizonLabel() {
    return t('byHorizonLabel');
  },
  get byStatusLabel() {
    return t('byStatusLabel');
  },
  pastEndDate: (n: number) => t('pastEndDate', { n }),

  errorTitle: (code: string) =>
    code === 'forbidden' ? t('errorTitle.forbidden') : (platformErrorTitle(code) ?? t('errorTitle.other')),
};
