/** Names for stamps and goal owners, asked of Jira as the user in one request. */
import type { UserRef } from '../contract';
import type { JiraClient } from '../adapters/jira/client';
import { usersByAccountId } from '../adapters/jira/users';

export interface People {
  /** Whether Jira knows this person. */
  has(accountId: string): boolean;
  /** The person, or a placeholder when Jira would not name them. */
  ref(accountId: string): UserRef;
}

export async function namePeople(jira: JiraClient, accountIds: ReadonlyArray<string | null | undefined>): Promise<People> {
  const known = await usersByAccountId(jira, accountIds.filter((id): id is string => typeof id === 'string'));
  return {
    has: (accountId) => known.has(accountId),
    ref: (accountId) => known.get(accountId) ?? { accountId, displayName: 'Unknown user' },
  };
}
