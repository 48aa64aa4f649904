/**
 * People, as the goal owner picker and goal cards show them. Loose schemas: Jira hides fields by
 * people's privacy settings and adds new ones, and a missing avatar must not break a page.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { UserRef } from '../../contract';
import type { JiraClient } from './client';

const userSchema = z.looseObject({
  accountId: z.string(),
  accountType: z.string().optional(),
  displayName: z.string().optional(),
  active: z.boolean().optional(),
  avatarUrls: z.record(z.string(), z.string()).optional(),
});
type JiraUser = z.infer<typeof userSchema>;

const userPageSchema = z.looseObject({ values: z.array(userSchema) });

/** The most people one bulk request returns (Jira's default page is only 10). */
const bulkPageSize = 200;

/**
 * The named people Jira knows, by account id; unknown ids are simply absent.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-bulk-get
 */
export async function usersByAccountId(client: JiraClient, accountIds: readonly string[]): Promise<Map<string, UserRef>> {
  const unique = [...new Set(accountIds)].slice(0, bulkPageSize);
  if (unique.length === 0) return new Map();
  const query = new URLSearchParams([...unique.map((id) => ['accountId', id]), ['maxResults', String(bulkPageSize)]]);
  const page = await client.send({ path: route`/rest/api/3/user/bulk?${query}`, schema: userPageSchema });
  return new Map(page.values.map((user) => [user.accountId, userRef(user)]));
}

/**
 * People who may browse the project whose name or email matches `query`. Jira allows this search
 * to project administrators (and Jira administrators) only.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-permission-search-get
 */
export async function projectBrowsers(client: JiraClient, options: { projectKey: string; query: string; max: number }): Promise<UserRef[]> {
  const users = await client.send({
    path: route`/rest/api/3/user/permission/search?permissions=${'BROWSE_PROJECTS'}&projectKey=${options.projectKey}&query=${options.query}&maxResults=${options.max}`,
    schema: z.array(userSchema),
  });
  return people(users);
}

/**
 * People who can be assigned issues in the project: the search Jira allows to anyone who may assign
 * issues there, for editors who do not administer the project.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-assignable-search-get
 */
export async function assignableUsers(client: JiraClient, options: { projectKey: string; query: string; max: number }): Promise<UserRef[]> {
  const users = await client.send({
    path: route`/rest/api/3/user/assignable/search?project=${options.projectKey}&query=${options.query}&maxResults=${options.max}`,
    schema: z.array(userSchema),
  });
  return people(users);
}

/**
 * The person, if they may browse the project, asked the way the owner picker found them: project
 * administrators ask Jira who holds Browse Projects (`user/permission/search` with `accountId`);
 * other editors ask who is assignable (`user/assignable/search`), the search Jira allows them.
 * Unknown, deactivated, app accounts and people without access all come back as undefined.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-permission-search-get
 */
export async function projectPerson(client: JiraClient, options: { projectKey: string; accountId: string; asAdministrator: boolean }): Promise<UserRef | undefined> {
  const users = options.asAdministrator
    ? await client.send({
        path: route`/rest/api/3/user/permission/search?permissions=${'BROWSE_PROJECTS'}&projectKey=${options.projectKey}&accountId=${options.accountId}`,
        schema: z.array(userSchema),
      })
    : await client.send({ path: route`/rest/api/3/user/assignable/search?project=${options.projectKey}&accountId=${options.accountId}`, schema: z.array(userSchema) });
  return people(users).find((user) => user.accountId === options.accountId);
}

/** Active people only: app accounts and deactivated users cannot own a goal. */
function people(users: readonly JiraUser[]): UserRef[] {
  return users.filter((user) => user.active !== false && (user.accountType ?? 'atlassian') === 'atlassian').map(userRef);
}

function userRef(user: JiraUser): UserRef {
  const avatarUrl = user.avatarUrls?.['48x48'] ?? user.avatarUrls?.['32x32'] ?? Object.values(user.avatarUrls ?? {})[0];
  return {
    accountId: user.accountId,
    // Jira shows "Former user" for people it may not name; so does the app.
    displayName: user.displayName ?? 'Former user',
    ...(avatarUrl ? { avatarUrl } : {}),
  };
}
