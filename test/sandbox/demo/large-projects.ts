import { DEMO_PROJECTS } from './demo-projects';
import type { ProjectSpec } from './spec';

const AREAS = [
  'Checkout', 'Search', 'Catalog', 'Payments', 'Accounts', 'Notifications', 'Reporting', 'Onboarding',
  'Inventory', 'Shipping', 'Returns', 'Loyalty', 'Pricing', 'Reviews', 'Support', 'Billing',
  'Analytics', 'Admin console', 'Mobile web', 'Partner API',
];
const FEATURES = [
  'redesign', 'performance pass', 'accessibility fixes', 'v2 API', 'localisation', 'audit log', 'bulk actions',
  'CSV export', 'permission model', 'offline mode', 'dark mode', 'A/B test', 'error handling', 'rate limiting',
  'caching layer', 'mobile parity', 'data migration', 'usability fixes', 'compliance review', 'SLA dashboard',
  'webhooks', 'self-service', 'smart defaults', 'keyboard shortcuts', 'empty states',
];

/** `count` distinct product-ish epic names: area × feature, then the same again as later phases. */
export function generatedEpicNames(count: number, offset: number): string[] {
  const combos = AREAS.length * FEATURES.length;
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const base = `${AREAS[n % AREAS.length]} ${FEATURES[Math.floor(n / AREAS.length) % FEATURES.length]}`;
    const round = Math.floor(n / combos);
    return round === 0 ? base : `${base} phase ${round + 1}`;
  });
}

/** Splits `total` by weights into integers that add up to `total`. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest -= 1) parts[i] = (parts[i] ?? 0) + 1;
  return parts;
}

export interface LargeSiteOptions {
  epics?: number;
  childrenPerEpic?: number;
  /** Sprints over all scrum projects, each with one active and up to two future ones. */
  sprints?: number;
  seed?: number;
}

/** The demo's four projects, scaled: same people, permissions and boards, many more epics and sprints. */
export function largeProjects(options: Required<Omit<LargeSiteOptions, 'seed'>>): ProjectSpec[] {
  const epicCounts = split(options.epics, [35, 30, 20, 15]);
  const scrum = DEMO_PROJECTS.filter((p) => p.sprints !== undefined);
  const sprintCounts = split(options.sprints, [40, 35, 25].slice(0, scrum.length));
  let offset = 0;
  return DEMO_PROJECTS.map((spec, i) => {
    const epics = generatedEpicNames(epicCounts[i] ?? 0, offset);
    offset += epics.length;
    const sprintCount = sprintCounts[scrum.indexOf(spec)] ?? 0;
    const future = Math.min(2, Math.max(0, sprintCount - 1));
    const closed = Math.max(0, sprintCount - 1 - future);
    return {
      ...spec,
      epics,
      childrenPerEpic: { min: options.childrenPerEpic, max: options.childrenPerEpic },
      ...(spec.sprints && sprintCount > 0 ? { sprints: { ...spec.sprints, closed, future, firstNumber: 1 } } : { sprints: undefined }),
    };
  });
}
