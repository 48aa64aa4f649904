import type { SimSecurityLevel, SimSite } from '../jira/model';
import { DEMO_USERS } from './users';

/**
 * THR's issue security scheme has one level, "Confidential": the admin and the product manager
 * see its issues; the developer does not, and neither does the app (the level does not list the
 * add-on role). On it: one unannounced epic with all of its children and their subtasks, and one
 * child of an ordinary epic, so an epic everyone sees has a child some cannot see.
 */
export const CONFIDENTIAL = {
  levelId: '10100',
  projectKey: 'THR',
  epic: 'Personalised recommendations',
  /** The first child of this epic is confidential too. */
  childOf: 'Saved payment methods',
} as const;

export function withConfidentialIssues(site: SimSite): SimSite {
  const project = site.projects.find((p) => p.key === CONFIDENTIAL.projectKey);
  if (!project) return site;
  const level: SimSecurityLevel = {
    id: CONFIDENTIAL.levelId,
    name: 'Confidential',
    description: 'Unannounced work: product leadership only',
    projectId: project.id,
    memberAccountIds: [DEMO_USERS.admin, DEMO_USERS.productManager],
    includesAddonRole: false,
  };
  const inProject = site.issues.filter((i) => i.projectId === project.id);
  const epicNamed = (summary: string) => inProject.find((i) => i.summary === summary && i.parentId === undefined);
  const epic = epicNamed(CONFIDENTIAL.epic);
  const other = epicNamed(CONFIDENTIAL.childOf);
  const secured = new Set<string>();
  if (epic) secured.add(epic.id);
  const firstChild = other && inProject.find((i) => i.parentId === other.id);
  if (firstChild) secured.add(firstChild.id);
  // Children of secured issues, then their subtasks: a level is set per issue, and Jira makes
  // subtasks take their parent's.
  for (let depth = 0; depth < 2; depth++) {
    for (const issue of inProject) if (issue.parentId && secured.has(issue.parentId)) secured.add(issue.id);
  }
  return {
    ...site,
    securityLevels: [...(site.securityLevels ?? []), level],
    issues: site.issues.map((i) => (secured.has(i.id) ? { ...i, securityLevelId: level.id } : i)),
  };
}
