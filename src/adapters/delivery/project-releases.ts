/**
 * The project's releases for the roadmap, read from Jira as the viewer at most every
 * `releasesMaxAgeMs` and kept in between under the plain key `project-releases.<projectId>`
 * (derived, rebuildable). Jira shows every version of a project to all who may browse it, and only
 * they reach the roadmap (`authorizeProduct` checks Browse Projects first), so a copy one viewer
 * read is one every other viewer could read too. Like the sprints, a new release shows within the
 * age limit, or at once on `refresh: 'full'`.
 */
import { kvs } from '@forge/kvs';
import type { Release } from '../../domain/releases';
import type { JiraClient } from '../jira/client';
import { projectReleases } from '../jira/versions';

export const releasesMaxAgeMs = 10 * 60_000;

interface CachedReleases {
  readAt: string;
  /** Absent when Jira would not list them (the reader lost Browse Projects meanwhile). */
  releases?: Release[];
}

export const releasesKey = (projectId: string) => `project-releases.${projectId}`;

export async function loadProjectReleases(
  jira: JiraClient,
  options: { projectId: string; now: string; refresh?: 'auto' | 'full' },
): Promise<Release[] | undefined> {
  const key = releasesKey(options.projectId);
  const cached = options.refresh === 'full' ? undefined : ((await kvs.get(key)) as CachedReleases | undefined);
  if (cached && Date.parse(options.now) - Date.parse(cached.readAt) < releasesMaxAgeMs) return cached.releases;
  const releases = await projectReleases(jira, options.projectId);
  // Only a list Jira gave is kept: a refusal is this reader's, and must not hide releases from the next one.
  if (releases) await kvs.set(key, { readAt: options.now, releases } satisfies CachedReleases);
  return releases;
}
