/**
 * `--data huge` (issue 13): one project holding everything, the size Jira Plans and Jira's timeline
 * stop at times twenty: 1,000 epics with 100 children each (100,000 issues to roll up), a year of
 * two-week sprints and a release a month. Deterministic (seeded), built by the same generator as the
 * demo, so THR's people, boards, permissions and fields are the demo's.
 */
import type { SimSite, SimVersion } from '../jira/model';
import { DEMO_PROJECTS } from './demo-projects';
import { generateSite } from './generate';
import { generatedEpicNames } from './large-projects';
import { uuidFrom } from './random';
import { DEMO_NOW } from './sites';
import type { SiteOptions } from './sites';

export interface HugeSiteOptions extends SiteOptions {
  epics?: number;
  childrenPerEpic?: number;
  seed?: number;
}

export const HUGE_DEFAULTS = { epics: 1000, childrenPerEpic: 100, closedSprints: 24, futureSprints: 2, releases: 12 } as const;

export function buildHugeSite(options: HugeSiteOptions = {}): SimSite {
  const thr = DEMO_PROJECTS.find((spec) => spec.project.key === 'THR')!;
  const epics = options.epics ?? HUGE_DEFAULTS.epics;
  const children = options.childrenPerEpic ?? HUGE_DEFAULTS.childrenPerEpic;
  const site = generateSite({
    seed: options.seed ?? 13,
    baseUrl: 'https://throughline-huge.atlassian.net',
    cloudId: uuidFrom('throughline-huge'),
    now: DEMO_NOW,
    projects: [
      {
        ...thr,
        epics: generatedEpicNames(epics, 0),
        childrenPerEpic: { min: children, max: children },
        sprints: { ...thr.sprints!, closed: HUGE_DEFAULTS.closedSprints, future: HUGE_DEFAULTS.futureSprints, firstNumber: 1 },
      },
    ],
    subtaskParents: 0,
    entityPropertyIndexes: options.entityPropertyIndexes ?? [],
  });
  return withMonthlyReleases(site, thr.project.id);
}

/** A release a month around today, the past ones released (the oldest archived); each epic's children are fixed in one. */
function withMonthlyReleases(site: SimSite, projectId: string): SimSite {
  const today = new Date(DEMO_NOW);
  const versions: SimVersion[] = Array.from({ length: HUGE_DEFAULTS.releases }, (_, i) => {
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 7 + i, 28));
    const releaseDate = month.toISOString().slice(0, 10);
    const released = releaseDate < DEMO_NOW.slice(0, 10);
    return { id: String(20000 + i), projectId, name: `R${26 + Math.floor(i / 12)}.${(i % 12) + 1}`, description: '', archived: released && i === 0, released, releaseDate };
  });
  const epicTypes = new Set(site.issueTypes.filter((type) => type.hierarchyLevel === 1).map((type) => type.id));
  const epicIndex = new Map(site.issues.filter((issue) => epicTypes.has(issue.issueTypeId)).map((epic, i) => [epic.id, i]));
  const span = Math.max(1, Math.ceil(epicIndex.size / versions.length));
  for (const issue of site.issues) {
    const index = issue.parentId === undefined ? undefined : epicIndex.get(issue.parentId);
    if (index !== undefined) issue.fixVersionIds = [versions[Math.min(versions.length - 1, Math.floor(index / span))]!.id];
  }
  return { ...site, versions: [...(site.versions ?? []), ...versions] };
}
