import type { EntityPropertyIndex, SimSite } from '../jira/model';
import { RELEASE_TRAIN } from './cross-project-board';
import { DEMO_PROJECTS } from './demo-projects';
import { generateSite } from './generate';
import { buildHugeSite } from './huge-site';
import type { LargeSiteOptions } from './large-projects';
import { largeProjects } from './large-projects';
import { uuidFrom } from './random';
import { withConfidentialIssues } from './security';
import { withReleases } from './releases';

/** The demo's "today": a Friday in the middle of every active sprint. */
export const DEMO_NOW = '2026-11-20T09:00:00.000Z';
export const DEMO_BASE_URL = 'https://throughline-demo.atlassian.net';

export interface SiteOptions {
  /** The manifest's `jira:entityProperty` modules: which issue properties JQL can search. */
  entityPropertyIndexes?: EntityPropertyIndex[];
}

/** Four projects (THR, MOB, FIN, OPS), six boards (one over THR and MOB), 27 sprints, 44 epics with ~400 children. */
export function buildDemoSite(options: SiteOptions = {}): SimSite {
  const site = generateSite({
    seed: 20261120,
    baseUrl: DEMO_BASE_URL,
    cloudId: uuidFrom('throughline-demo'),
    now: DEMO_NOW,
    projects: DEMO_PROJECTS,
    subtaskParents: 8,
    entityPropertyIndexes: options.entityPropertyIndexes ?? [],
    crossProjectBoards: [RELEASE_TRAIN],
  });
  return withReleases(withConfidentialIssues(site));
}

/** By default 1,000 epics, 20,000 children and 100 sprints over the demo's projects and people. */
export function buildLargeSite(options: LargeSiteOptions & SiteOptions = {}): SimSite {
  return generateSite({
    seed: options.seed ?? 1000,
    baseUrl: 'https://throughline-large.atlassian.net',
    cloudId: uuidFrom('throughline-large'),
    now: DEMO_NOW,
    projects: largeProjects({
      epics: options.epics ?? 1000,
      childrenPerEpic: options.childrenPerEpic ?? 20,
      sprints: options.sprints ?? 100,
    }),
    subtaskParents: 0,
    entityPropertyIndexes: options.entityPropertyIndexes ?? [],
  });
}

export type SiteName = 'demo' | 'large' | 'huge';

export function buildSite(name: SiteName, options: SiteOptions = {}): SimSite {
  if (name === 'huge') return buildHugeSite(options);
  return name === 'demo' ? buildDemoSite(options) : buildLargeSite(options);
}
