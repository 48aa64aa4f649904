/** Roadmap item owners: someone who can browse the project, checked as the editor who names them. */
import type { UserRef } from '../../contract';
import type { JiraClient } from '../../adapters/jira/client';
import { projectPerson } from '../../adapters/jira/users';
import type { ProductAccess } from '../authorize';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { say } from '../../i18n/server-texts';

/**
 * The owner an item input names: `undefined` when the input leaves the owner unchanged, `null` for
 * none, else the person as Jira names them. The check is the owner picker's own search (project
 * administrators: who may browse; other editors: who is assignable), so anyone the picker offered
 * passes and nobody it would not offer does; the stored name is Jira's, never the browser's.
 */
export async function ownerOf(jira: JiraClient, access: ProductAccess, accountId: string | null | undefined): Promise<Outcome<UserRef | null | undefined>> {
  if (accountId === undefined || accountId === null) return ok(accountId);
  const person = await projectPerson(jira, { projectKey: access.project.key, accountId, asAdministrator: access.permissions.has('ADMINISTER_PROJECTS') });
  if (!person) return fail('invalid', say('roadmap.ownerUnknown'), 'item.ownerAccountId');
  return ok(person);
}
