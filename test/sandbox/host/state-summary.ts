/** `GET /__sandbox/state`: what the site holds and who can do what, for people and tests. */
import { DEMO_USERS } from '../demo/users';
import type { DemoUserRole } from '../demo/users';
import { ROLE_LABELS } from './acting-user';
import { appIdentity } from './host-context';
import type { HostContext } from './host-context';
import { MODULE_SLUGS, UI_MODULE_TYPES } from './manifest';
import { epicsOf } from './view-state';

export function stateSummary(context: HostContext): Record<string, unknown> {
  const { world, manifest } = context;
  const site = world.jira.site;
  const roleOf = new Map<string, DemoUserRole>((Object.keys(DEMO_USERS) as DemoUserRole[]).map((role) => [DEMO_USERS[role], role]));
  const statusName = new Map(site.statuses.map((status) => [status.id, status.name]));
  return {
    data: world.data,
    siteUrl: site.baseUrl,
    cloudId: site.cloudId,
    now: site.now,
    app: appIdentity(context),
    modules: UI_MODULE_TYPES.map((type) => {
      const module = manifest.modules.find((candidate) => candidate.type === type);
      return module
        ? { type, slug: MODULE_SLUGS[type], declared: true, key: module.key, title: module.title, resource: module.resourceKey, function: module.functionKey }
        : { type, slug: MODULE_SLUGS[type], declared: false };
    }),
    users: site.users
      .filter((user) => user.accountType === 'atlassian')
      .map((user) => {
        const role = roleOf.get(user.accountId);
        return {
          accountId: user.accountId,
          displayName: user.displayName,
          ...(role ? { role, roleLabel: ROLE_LABELS[role] } : {}),
          jiraAdmin: site.jiraAdmins.includes(user.accountId),
        };
      }),
    projects: site.projects.map((project) => ({
      id: project.id,
      key: project.key,
      name: project.name,
      type: project.projectTypeKey,
      style: project.style,
      permissions: project.permissions,
      epics: epicsOf(site, project).map((epic) => ({
        id: epic.id,
        key: epic.key,
        summary: epic.summary,
        status: statusName.get(epic.statusId),
      })),
    })),
    counts: { issues: site.issues.length, boards: site.boards.length, sprints: site.sprints.length },
    stats: { jira: world.jira.stats, kvs: world.forge.kvs.stats },
    faults: context.faults,
  };
}
