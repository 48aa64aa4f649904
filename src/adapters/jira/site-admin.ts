/**
 * What the admin page asks Jira, always as the admin: whether they hold global Administer Jira,
 * the projects they administer, and the site's custom number fields (story-point candidates).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './client';
import { myPermissionsSchema } from './schemas';

/**
 * Global "Administer Jira" (`ADMINISTER`): without a project, `/mypermissions` answers for the site.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-mypermissions-get
 */
export async function holdsJiraAdmin(client: JiraClient): Promise<boolean> {
  const answer = await client.send({ path: route`/rest/api/3/mypermissions?permissions=ADMINISTER`, schema: myPermissionsSchema });
  return answer.permissions.ADMINISTER?.havePermission === true;
}

const projectPageSchema = z.looseObject({
  isLast: z.boolean().optional(),
  values: z.array(z.looseObject({ id: z.string(), key: z.string(), name: z.string() })),
});

/**
 * The projects the caller may administer (`action=edit`): every project, for a Jira admin.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get
 */
export async function administeredProjects(client: JiraClient): Promise<Array<{ id: string; key: string; name: string }>> {
  const projects: Array<{ id: string; key: string; name: string }> = [];
  const pageSize = 50;
  for (let startAt = 0; ; startAt += pageSize) {
    const page = await client.send({
      path: route`/rest/api/3/project/search?action=edit&orderBy=key&startAt=${startAt}&maxResults=${pageSize}`,
      schema: projectPageSchema,
    });
    projects.push(...page.values.map(({ id, key, name }) => ({ id, key, name })));
    if (page.isLast !== false || page.values.length === 0) return projects;
  }
}

const fieldListSchema = z.array(
  z.looseObject({ id: z.string(), name: z.string(), custom: z.boolean().optional(), schema: z.looseObject({ type: z.string().optional() }).optional() }),
);

/** The site's custom number fields, by name. @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get */
export async function customNumberFields(client: JiraClient): Promise<Array<{ id: string; name: string }>> {
  const fields = await client.send({ path: route`/rest/api/3/field`, schema: fieldListSchema });
  return fields
    .filter((field) => (field.custom ?? field.id.startsWith('customfield_')) && field.schema?.type === 'number')
    .map((field) => ({ id: field.id, name: field.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
