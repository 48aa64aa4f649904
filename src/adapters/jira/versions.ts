/**
 * The project's versions (releases), as the user sees them. Jira lists every version of a project
 * to everyone with Browse Projects there (there is no permission per version), and answers 404 for
 * a project the user may not see.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/#api-rest-api-3-project-projectidorkey-versions-get
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { isCalendarDate } from '../../domain/calendar';
import type { Release } from '../../domain/releases';
import type { JiraClient } from './client';
import { JiraError } from './errors';

const versionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  archived: z.boolean().optional(),
  released: z.boolean().optional(),
  startDate: z.string().optional(),
  releaseDate: z.string().optional(),
});

/** Every version of the project (the list is not paged), or undefined when Jira will not show the project. */
export async function projectReleases(client: JiraClient, projectId: string): Promise<Release[] | undefined> {
  let versions;
  try {
    versions = await client.send({ path: route`/rest/api/3/project/${projectId}/versions`, schema: z.array(versionSchema) });
  } catch (error) {
    if (error instanceof JiraError && (error.kind === 'not-found' || error.kind === 'forbidden')) return undefined;
    throw error;
  }
  return versions.map((version) => ({
    id: version.id,
    name: version.name,
    released: version.released === true,
    archived: version.archived === true,
    // A day as Jira stores it; anything else (an older instant format) is not shown rather than misread.
    ...(version.startDate && isCalendarDate(version.startDate) ? { startDate: version.startDate } : {}),
    ...(version.releaseDate && isCalendarDate(version.releaseDate) ? { releaseDate: version.releaseDate } : {}),
  }));
}
