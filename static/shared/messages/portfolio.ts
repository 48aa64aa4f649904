/** The "Product portfolio" global page. Its own file: the portfolio's bundle takes only these. */
import type { KpiHealth } from '../../../src/domain/strategy';
import type { Horizon, RoadmapItemStatus } from '../../../src/domain/roadmap';
import { goalStatusLabels, platformErrorTitle } from './shared-words';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const portfolio = {
  title: 'Product portfolio',
  intro: 'Every product in the projects you can browse: its vision, how its goals and KPIs stand, and what its roadmap holds.',
  loading: 'Loading the portfolio…',
  retry: 'Try again',
  productsLabel: 'Products',
  count: (n: number) => plural(n, 'product', 'products'),

  emptyTitle: 'No products you can see yet',
  emptyBody:
    'A product appears here once someone writes its vision, adds a goal or plans a roadmap item on the Product page of a Jira project you can browse.',

  noVision: 'No vision written yet.',
  projectOf: (name: string, key: string) => `${name} (${key})`,
  open: 'Open product page',
  openLabel: (product: string) => `Open product page of ${product}`,

  goalsHeading: 'Goals',
  goalsHeadingCount: (n: number) => `Goals · ${n}`,
  goalsEmpty: 'No goals yet.',
  goalStatus: goalStatusLabels,
  goalKpis: (n: number) => (n === 0 ? 'No KPIs' : plural(n, 'KPI', 'KPIs')),

  kpiHeading: 'KPI health',
  kpiEmpty: 'No KPIs yet.',
  health: { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', 'no-data': 'No data' } satisfies Record<KpiHealth, string>,
  healthCount: (n: number, health: string) => `${n} ${health.toLowerCase()}`,
  kpiWithHealth: (name: string, health: string) => `${name}: ${health.toLowerCase()}`,

  roadmapHeading: 'Roadmap',
  roadmapHeadingCount: (n: number) => `Roadmap · ${plural(n, 'item', 'items')}`,
  roadmapEmpty: 'No roadmap items yet.',
  horizon: { now: 'Now', next: 'Next', later: 'Later' } satisfies Record<Horizon, string>,
  itemStatus: {
    idea: 'Idea',
    planned: 'Planned',
    'in-progress': 'In progress',
    done: 'Done',
    parked: 'Parked',
  } satisfies Record<RoadmapItemStatus, string>,
  byHorizonLabel: 'Items by horizon',
  byStatusLabel: 'Items by status',
  pastEndDate: (n: number) => `${plural(n, 'open item', 'open items')} past the end date`,

  errorTitle: (code: string) =>
    code === 'forbidden'
      ? 'You can’t see the portfolio'
      : (platformErrorTitle(code) ?? 'The portfolio didn’t load'),
};
