/**
 * Releases (Jira versions) as the roadmap reads them: their state on the viewer's day, the
 * releases an item's work is in, and the releases its forecast passes. Pure: "today" and the
 * forecast arrive as arguments; dates are `YYYY-MM-DD`.
 */
import type { ChildFact } from './delivery';
import { issuesIn } from './delivery';
import type { Forecast } from './forecast';

export type ReleaseState = 'released' | 'unreleased' | 'overdue';

/** A project version as Jira lists it (GET /rest/api/3/project/{id}/versions), reduced to what the roadmap uses. */
export interface Release {
  id: string;
  name: string;
  released: boolean;
  archived: boolean;
  startDate?: string;
  releaseDate?: string;
}

/**
 * Released when Jira says so; overdue when not released and its release date is before the
 * viewer's today (Jira's own `overdue` uses the site's clock and zone, so it is not used); else
 * unreleased. A release due today is not overdue yet.
 */
export function releaseState(release: Pick<Release, 'released' | 'releaseDate'>, today: string): ReleaseState {
  if (release.released) return 'released';
  return release.releaseDate !== undefined && release.releaseDate < today ? 'overdue' : 'unreleased';
}

/** A release an item's work is in, with how many of its epics' issues are in it and how many are not done. */
export interface ItemRelease {
  id: string;
  name: string;
  releaseDate?: string;
  state: ReleaseState;
  archived: boolean;
  issues: number;
  openIssues: number;
}

/**
 * The releases the children are to be fixed in, soonest release date first (undated last, then by
 * name). Ids the project does not list (a version deleted since, or one the viewer cannot see) are
 * left out: a name cannot be shown for them.
 */
export function itemReleases(children: readonly ChildFact[], releases: readonly Release[], today: string): ItemRelease[] {
  const byId = new Map(releases.map((release) => [release.id, release]));
  const counts = new Map<string, { issues: number; openIssues: number }>();
  for (const child of children) {
    for (const id of new Set(child.fixVersionIds ?? [])) {
      if (!byId.has(id)) continue;
      const count = counts.get(id) ?? { issues: 0, openIssues: 0 };
      count.issues += issuesIn(child);
      if (child.category !== 'done') count.openIssues += issuesIn(child);
      counts.set(id, count);
    }
  }
  return [...counts]
    .map(([id, count]) => {
      const release = byId.get(id)!;
      return {
        id,
        name: release.name,
        ...(release.releaseDate ? { releaseDate: release.releaseDate } : {}),
        state: releaseState(release, today),
        archived: release.archived,
        ...count,
      };
    })
    .sort((a, b) => compareDates(a.releaseDate, b.releaseDate) || a.name.localeCompare(b.name));
}

function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** The forecast finishes after a release the item's open work is in is due: "forecast 12 Mar passes release 2.4 on 1 Mar". */
export interface ReleaseRisk {
  releaseId: string;
  releaseName: string;
  releaseDate: string;
  forecastDate: string;
}

/**
 * Releases whose date the forecast passes, among those still to ship with open work of the item in
 * them (a released or archived release is history; one whose issues are all done is not waiting
 * on the forecast). None for a settled item (done or parked), or without a dated forecast.
 */
export function releaseRisks(forecast: Forecast, releases: readonly ItemRelease[], settled = false): ReleaseRisk[] {
  if (settled || forecast.kind !== 'forecast') return [];
  return releases
    .filter((release) => release.state !== 'released' && !release.archived && release.openIssues > 0)
    .filter((release): release is ItemRelease & { releaseDate: string } => release.releaseDate !== undefined && forecast.finishDate > release.releaseDate)
    .map((release) => ({ releaseId: release.id, releaseName: release.name, releaseDate: release.releaseDate, forecastDate: forecast.finishDate }));
}
