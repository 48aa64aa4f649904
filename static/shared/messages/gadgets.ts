/** The dashboard gadgets (Goal health, Roadmap now, Unaligned work). Their own file: their bundle takes only these. */
import type { KpiHealth } from '../../../src/domain/strategy';
import type { RoadmapItemStatus } from '../../../src/domain/roadmap';
import { goalStatusLabels, platformErrorTitle } from './shared-words';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const gadgets = {
  title: {
    'throughline-goal-health': 'Goal health',
    'throughline-roadmap-now': 'Roadmap now',
    'throughline-unaligned-work': 'Unaligned work',
  } as Record<string, string>,
  loading: 'Loading…',
  retry: 'Try again',
  projectOf: (name: string, key: string) => `${name} (${key})`,
  openProduct: 'Open product page',
  openProductOf: (name: string) => `Open product page of ${name}`,
  more: (n: number) => `and ${n} more`,

  notConfiguredTitle: 'Choose a product',
  notConfigured: 'This gadget isn’t set up yet. Choose Edit in the gadget’s menu to pick the product it shows.',

  deniedTitle: 'Nothing to show you',
  errorTitle: (code: string) =>
    code === 'forbidden'
      ? 'Nothing to show you'
      : code === 'not-found'
        ? 'Its goal is gone'
        : (platformErrorTitle(code) ?? 'This gadget didn’t load'),

  goalStatus: goalStatusLabels,
  health: { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', 'no-data': 'No data' } satisfies Record<KpiHealth, string>,
  kpiWithHealth: (name: string, health: string) => `${name}: ${health.toLowerCase()}`,
  noKpis: 'No KPIs',
  goalsEmpty: 'This product has no goals yet.',
  goalsLabel: 'Goals',

  itemStatus: {
    idea: 'Idea',
    planned: 'Planned',
    'in-progress': 'In progress',
    done: 'Done',
    parked: 'Parked',
  } satisfies Record<RoadmapItemStatus, string>,
  nowEmpty: 'Nothing open in Now.',
  nowEmptyForGoal: (goal: string) => `Nothing open in Now for “${goal}”.`,
  forGoal: (goal: string) => `Goal: ${goal}`,
  itemsLabel: 'Now items',
  progress: (done: number, total: number) => (total === 0 ? 'No child issues' : `${done} of ${total} done`),
  progressLabel: (done: number, total: number) => `${done} of ${total} child issues done`,
  noEpics: 'No epics yet',
  progressLoading: 'Progress loading',
  finish: (date: string) => `Expected ${date}`,
  atRisk: 'At risk',
  atRiskOf: (title: string, endDate: string | undefined) => (endDate ? `${title} is at risk: the forecast passes its end date ${endDate}` : `${title} is at risk`),
  openItem: (title: string) => `Open ${title} in the product page`,
  stillLoading: 'Some epics are still loading; the next refresh shows more.',

  unalignedCount: (n: number) => (n === 0 ? 'Every open epic serves a goal.' : `${plural(n, 'open epic serves', 'open epics serve')} no goal.`),
  largestLabel: 'Largest unaligned epics',
  epicSize: (n: number | undefined) => (n === undefined ? 'Size loading' : plural(n, 'issue', 'issues')),
  goalsWithoutWorkLabel: 'Goals with no work',
  goalsWithoutWorkNone: 'Every goal has work.',

  edit: {
    heading: 'Gadget settings',
    product: 'Product',
    productHelper: 'Products in the Jira projects you can browse.',
    noProducts: 'No products you can browse yet. Write a vision or add a goal on a project’s Product page first.',
    chooseProduct: 'Choose a product',
    goal: 'Goal',
    allGoals: 'All goals',
    rows: 'Rows',
    rowsHelper: (max: number) => `How many goals, items or epics to list (1 to ${max}).`,
    rowsError: (max: number) => `Enter a whole number from 1 to ${max}.`,
    productError: 'Choose a product.',
    refresh: 'Refresh automatically',
    refreshOff: 'Never',
    refreshEvery: (minutes: number) => (minutes === 60 ? 'Every hour' : `Every ${minutes} minutes`),
    save: 'Save',
    saving: 'Saving…',
  },
};
