import { route } from '@forge/api';
import { z } from 'zod';
import type { ProjectRef } from '../../contract';
import { inBatches, mapWithConcurrency } from '../concurrency';
import type { JiraClient } from './client';

const projectPageSchema = z.looseObject({
  isLast: z.boolean().optional(),
  values: z.array(z.looseObject({ id: z.string(), key: z.string(), name: z.string() })),
});

/** Jira takes at most 50 project ids in one search. */
const idsPerSearch = 50;

/**
 * The projects among `projectIds` that the client's actor may browse, with their keys and names,
 * in one request per 50 ids. Asked as the user, Jira lists only projects they hold Browse Projects
 * in (`action=browse`): the others are simply absent, exactly as if they did not exist.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get
 */
export async function browsableProjects(client: JiraClient, projectIds: readonly string[]): Promise<ProjectRef[]> {
  const pages = await mapWithConcurrency(inBatches(projectIds, idsPerSearch), 4, (ids) => {
    const query = new URLSearchParams([...ids.map((id) => ['id', id]), ['action', 'browse'], ['maxResults', String(idsPerSearch)]]);
    return client.send({ path: route`/rest/api/3/project/search?${query}`, schema: projectPageSchema });
  });
  return pages.flatMap((page) => page.values.map((project) => ({ id: project.id, key: project.key, name: project.name })));
}
