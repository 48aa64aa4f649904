/**
 * The product page's own route: which tab, which roadmap layout and which roadmap item are open.
 * It lives in the app's history (`view.createHistory()`), which Jira keeps in the page URL after
 * `/jira/software/projects/KEY/apps/<appId>/<envId>`, so a reload or a copied link reopens the view.
 * Shared by the product page (reads and writes it) and the gadgets (link to an item).
 *
 * The route is path segments only (`/roadmap/quarters/item-…`), never a query string: Forge's
 * NavigationLocation for a module has a `path` and nothing else
 * (https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/router/; `@forge/bridge`'s
 * `NavigationLocation` type), and Jira is
 * not documented to hand a query string of the page URL to the app's history, so a path survives
 * both `router.navigate` and a reload wherever the query would not.
 *
 * Pure: parsing never throws, whatever a hand-edited or hostile URL holds; anything unknown falls
 * back to the page's defaults.
 */
import { emptyRoadmapFilter, isFiltering, roadmapFilterOf } from '../../src/domain/finding';
import type { RoadmapFilter } from '../../src/domain/finding';
import { roadmapLayouts } from '../../src/domain/roadmap';

/** The roadmap's views: its board layouts, and the Priority list (the items ranked by score). */
export const roadmapViews = [...roadmapLayouts, 'priority'] as const;
export type RoadmapViewKey = (typeof roadmapViews)[number];

export const productTabs = ['vision', 'goals', 'roadmap', 'alignment', 'epics', 'changes'] as const;
export type ProductTab = (typeof productTabs)[number];

export interface ProductRoute {
  tab: ProductTab;
  /** Only on the roadmap tab; absent: the layout this browser tab last chose. */
  layout?: RoadmapViewKey;
  /** Only on the roadmap tab: the item whose details panel is open. */
  item?: string;
  /** Only on the roadmap tab with a layout: the roadmap's filter, when it narrows anything. */
  filter?: RoadmapFilter;
}

export const defaultRoute: ProductRoute = { tab: 'vision' };

/** Item ids are `item-<uuid>` (src/adapters/storage/ids.ts); anything else is not an item of ours. */
const itemIdPattern = /^[A-Za-z0-9_-]{1,100}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined => values.find((v) => v === value);

/** The route in a history location's pathname (`/`, `/goals`, `/roadmap/quarters/item-…`). */
export function parseRoute(pathname: unknown): ProductRoute {
  if (typeof pathname !== 'string') return defaultRoute;
  const [tabSegment, layoutSegment, ...rest] = pathname.split(/[?#]/)[0]!.split('/').filter(Boolean);
  const tab = oneOf(productTabs, tabSegment);
  if (!tab) return defaultRoute;
  if (tab !== 'roadmap') return { tab };
  const layout = oneOf(roadmapViews, layoutSegment);
  if (!layout) return { tab };
  // The item segment never holds `=` (itemIdPattern); the filter segment always does.
  const itemSegment = rest.find((segment) => !segment.includes('='));
  const filterSegment = rest.find((segment) => segment.includes('='));
  const item = itemSegment !== undefined && itemIdPattern.test(itemSegment) ? itemSegment : undefined;
  const filter = filterSegment ? parseFilterSegment(filterSegment) : undefined;
  return { tab, layout, ...(item ? { item } : {}), ...(filter ? { filter } : {}) };
}

/**
 * The filter as one path segment, `q=<text>;goal=<id>;status=<status>;risk=1;horizon=next;noepics=1`: `=` and `;` are
 * path characters (RFC 3986 sub-delims), and every value is percent-encoded, so text with `/`, `;`
 * or `=` stays inside its segment.
 */
function formatFilterSegment(filter: RoadmapFilter): string {
  const parts = [
    filter.text.trim() ? `q=${encodeURIComponent(filter.text.trim())}` : '',
    filter.goal ? `goal=${encodeURIComponent(filter.goal)}` : '',
    filter.status ? `status=${filter.status}` : '',
    filter.atRisk ? 'risk=1' : '',
    filter.mine ? 'mine=1' : '',
    filter.minScore !== undefined ? `min=${filter.minScore}` : '',
    filter.byOwner ? 'by=owner' : '',
    filter.horizon ? `horizon=${filter.horizon}` : '',
    filter.noEpics ? 'noepics=1' : '',
  ];
  return parts.filter(Boolean).join(';');
}

/** `history` may hand the pathname back percent-decoded (`decodeURI`), so both forms are read. */
function decodePart(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function parseFilterSegment(segment: string): RoadmapFilter | undefined {
  const parts = new Map<string, string>();
  for (const part of segment.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) parts.set(part.slice(0, at), decodePart(part.slice(at + 1)));
  }
  const min = parts.get('min');
  const filter = roadmapFilterOf({
    text: parts.get('q'),
    goal: parts.get('goal'),
    status: parts.get('status'),
    atRisk: parts.get('risk') === '1',
    mine: parts.get('mine') === '1',
    minScore: min !== undefined && /^-?\d{1,13}(\.\d{1,6})?$/.test(min) ? Number(min) : undefined,
    byOwner: parts.get('by') === 'owner',
    horizon: parts.get('horizon'),
    noEpics: parts.get('noepics') === '1',
  });
  return hasRouteState(filter) ? filter : undefined;
}

/** Whether a filter holds anything the route keeps: a condition, or owner lanes. */
export const hasRouteState = (filter: RoadmapFilter): boolean => isFiltering(filter) || filter.byOwner === true;

/** The pathname of a route: what `history.push` / `router.navigate({ path })` are given. */
export function formatRoute(route: ProductRoute): string {
  if (route.tab !== 'roadmap' || !route.layout) return `/${route.tab}`;
  const item = route.item && itemIdPattern.test(route.item) ? `/${route.item}` : '';
  const filter = route.filter && hasRouteState(route.filter) ? `/${formatFilterSegment(route.filter)}` : '';
  return `/roadmap/${route.layout}${item}${filter}`;
}

/** The route of one roadmap item, opened on the Now / Next / Later board (where a "Now" item sits). */
export const itemRoute = (itemId: string): string => formatRoute({ tab: 'roadmap', layout: 'horizons', item: itemId });

/** The filter a route names, or none. */
export const routeFilter = (route: ProductRoute): RoadmapFilter => route.filter ?? emptyRoadmapFilter;

export const sameRoute = (a: ProductRoute, b: ProductRoute): boolean => formatRoute(a) === formatRoute(b);
