import type { EditRule, Failure } from '../contract';
import type { JiraClient } from '../adapters/jira/client';
import { defaultEditRule, loadEditRule } from '../adapters/storage/settings-store';
import { myProjectPermissions } from '../adapters/jira/projects';
import type { ProjectPermission } from '../adapters/jira/projects';
import type { TrustedContext } from './context';
import { fail, ok } from './results';
import type { Outcome } from './results';
import { say } from '../i18n/server-texts';

export interface ProjectAccess {
  accountId: string;
  project: { id: string; key: string };
  permissions: ReadonlySet<ProjectPermission>;
}

const askedPermissions: ProjectPermission[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'];

/**
 * The caller may see the project the module is shown in: they are signed in, the context names a
 * project, and Jira says they hold Browse Projects there. Asked as the user, so Jira decides.
 */
export async function authorizeProjectView(jira: JiraClient, context: TrustedContext): Promise<Outcome<ProjectAccess>> {
  if (!context.accountId) return fail('forbidden', say('access.signInProduct'));
  if (!context.project) return fail('forbidden', say('access.projectOnly'));
  const permissions = await myProjectPermissions(jira, context.project.id, askedPermissions);
  if (!permissions.has('BROWSE_PROJECTS')) {
    return fail('forbidden', say('access.cannotBrowse'));
  }
  return ok({ accountId: context.accountId, project: context.project, permissions });
}

export interface ProductAccess extends ProjectAccess {
  editRule: EditRule;
  /** False when the site's licence is inactive: everything stays readable, nothing changes. */
  licensed: boolean;
  /** Whether the site's edit rule lets this person change the product. */
  canEdit: boolean;
  /**
   * Whether this person may link epics to goals and roadmap items: Jira's Edit Issues in the
   * project, whatever the product's edit rule. A link is a change to the epic, not to the product,
   * and it is what project managers do with their own epics; Jira checks each epic again when its
   * property is written as the user. The one rule in every surface: roadmap, alignment, epic panel.
   */
  canLink: boolean;
}

/**
 * The view check plus what the caller may change, from the same single `/mypermissions` answer
 * (Browse, Edit Issues and Administer Projects are asked together) and the edit rule in storage.
 */
export async function authorizeProduct(jira: JiraClient, context: TrustedContext): Promise<Outcome<ProductAccess>> {
  const signedInHere = context.accountId !== undefined && context.project !== undefined;
  // Anonymous and project-less calls are refused without any I/O; otherwise both reads run at once.
  const [view, rule] = await Promise.all([authorizeProjectView(jira, context), signedInHere ? loadEditRule() : undefined]);
  if (!view.ok) return view;
  const editRule = rule?.editRule ?? defaultEditRule;
  return ok({
    ...view.value,
    editRule,
    licensed: context.licensed,
    canEdit: context.licensed && mayEdit(editRule, view.value.permissions),
    canLink: context.licensed && view.value.permissions.has('EDIT_ISSUES'),
  });
}

/** Like `authorizeProduct`, and refuses callers who may not link epics (see `canLink`). */
export async function authorizeEpicLinking(jira: JiraClient, context: TrustedContext): Promise<Outcome<ProductAccess>> {
  const access = await authorizeProduct(jira, context);
  if (!access.ok || access.value.canLink) return access;
  if (!access.value.licensed) return unlicensed();
  return fail('forbidden', say('access.cannotLink'));
}

/** Like `authorizeProduct`, and refuses callers the edit rule does not let change the product. */
export async function authorizeProjectEdit(jira: JiraClient, context: TrustedContext): Promise<Outcome<ProductAccess>> {
  const access = await authorizeProduct(jira, context);
  if (!access.ok || access.value.canEdit) return access;
  if (!access.value.licensed) return unlicensed();
  return fail('forbidden', say(access.value.editRule === 'project-admins' ? 'access.adminsOnly' : 'access.editorsOnly'));
}

/** Project administrators may always edit; `issue-editors` widens that to holders of Edit Issues. */
export function mayEdit(rule: EditRule, permissions: ReadonlySet<ProjectPermission>): boolean {
  if (permissions.has('ADMINISTER_PROJECTS')) return true;
  return rule === 'issue-editors' && permissions.has('EDIT_ISSUES');
}

/** What every write answers while the site's licence is inactive. */
export const unlicensed = (): Failure<never> => fail('forbidden', say('access.unlicensed'));
