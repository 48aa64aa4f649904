import type { SimIssue, SimIssueLink, SimSite, SimVersion } from '../jira/model';

/**
 * The demo's releases (Jira versions) and the Blocks links between epics. Today is 2026-11-20:
 * each project with sprints has released versions, one archived, one overdue (unreleased, its
 * release date past) and some to come. Children carry their epic's fix version, so an item whose
 * epics' work is in an overdue release (or one its forecast passes) is at risk.
 */
interface DemoVersion extends Omit<SimVersion, 'id' | 'projectId'> {
  /** Epics (by summary) whose children are to be fixed in this version. */
  epics: string[];
}

export const DEMO_RELEASES: Record<string, DemoVersion[]> = {
  THR: [
    { name: '2.0', description: 'Spring storefront', archived: true, released: true, startDate: '2026-04-01', releaseDate: '2026-06-30', epics: [] },
    { name: '2.1', description: 'Checkout basics', archived: false, released: true, startDate: '2026-07-01', releaseDate: '2026-09-30', epics: ['Guest checkout', 'Saved payment methods', 'Order tracking page'] },
    { name: '2.2', description: 'Search and sharing', archived: false, released: true, releaseDate: '2026-10-30', epics: ['Product search relevance', 'Wishlist sharing'] },
    { name: '2.3', description: 'Loyalty and returns', archived: false, released: false, startDate: '2026-10-01', releaseDate: '2026-11-13', epics: ['Loyalty points', 'Returns self-service', 'Gift cards', 'Subscription orders'] },
    { name: '2.4', description: 'Faster, fairer checkout', archived: false, released: false, startDate: '2026-11-16', releaseDate: '2026-12-18', epics: ['Accessibility audit fixes', 'Checkout performance', 'Multi-currency pricing', 'Address autocomplete'] },
    { name: '3.0', description: 'Personal storefront', archived: false, released: false, startDate: '2027-01-04', releaseDate: '2027-03-31', epics: ['Product review moderation', 'Personalised recommendations', 'Store locator', 'Promo code engine', 'Cookie consent v2'] },
  ],
  MOB: [
    { name: 'Mobile 1.5', description: 'Launch', archived: true, released: true, releaseDate: '2026-05-29', epics: [] },
    { name: 'Mobile 1.8', description: 'Sign-in and basket', archived: false, released: true, releaseDate: '2026-10-16', epics: ['Biometric login', 'Offline basket', 'Push notification preferences', 'In-app chat support'] },
    { name: 'Mobile 1.9', description: 'Payments', archived: false, released: false, releaseDate: '2026-11-18', epics: ['Dark mode', 'Barcode scanner', 'Apple Pay and Google Pay'] },
    { name: 'Mobile 2.0', description: 'New home', archived: false, released: false, releaseDate: '2027-01-29', epics: ['App onboarding tour', 'Deep links from email', 'Order history redesign'] },
  ],
  FIN: [{ name: 'FY26 close', description: 'Year-end close', archived: false, released: false, releaseDate: '2026-12-31', epics: ['Tax reporting 2027', 'Budget planning FY27'] }],
  OPS: [{ name: 'Q4 platform', description: '', archived: false, released: false, releaseDate: '2026-12-15', epics: ['Kubernetes 1.31 upgrade', 'CDN migration'] }],
};

/** Blocks links between epics: `[project, blocker, blocked]`; the last runs from a confidential epic. */
export const DEMO_BLOCKS: Array<[string, string, string]> = [
  ['THR', 'Multi-currency pricing', 'Promo code engine'],
  ['THR', 'Saved payment methods', 'Subscription orders'],
  ['THR', 'Address autocomplete', 'Store locator'],
  ['MOB', 'Biometric login', 'Apple Pay and Google Pay'],
  ['THR', 'Personalised recommendations', 'Cookie consent v2'],
];

/** A link of another type, never a suggested dependency. */
const DEMO_RELATES: Array<[string, string, string]> = [['THR', 'Wishlist sharing', 'Product search relevance']];

export function withReleases(site: SimSite): SimSite {
  const versions: SimVersion[] = [];
  const versionOfEpic = new Map<string, string>();
  const epicNamed = (projectKey: string, summary: string): SimIssue | undefined => {
    const project = site.projects.find((p) => p.key === projectKey);
    const epicTypes = new Set(site.issueTypes.filter((t) => t.hierarchyLevel === 1).map((t) => t.id));
    return site.issues.find((i) => i.projectId === project?.id && i.summary === summary && epicTypes.has(i.issueTypeId));
  };
  let nextId = 10200;
  for (const [projectKey, list] of Object.entries(DEMO_RELEASES)) {
    const project = site.projects.find((p) => p.key === projectKey);
    if (!project) continue;
    for (const { epics, ...version } of list) {
      const id = String(nextId++);
      versions.push({ id, projectId: project.id, ...version });
      for (const summary of epics) {
        const epic = epicNamed(projectKey, summary);
        if (epic) versionOfEpic.set(epic.id, id);
      }
    }
  }
  let nextLink = 10300;
  const links: SimIssueLink[] = [];
  for (const [typeName, list] of [['Blocks', DEMO_BLOCKS], ['Relates', DEMO_RELATES]] as const) {
    for (const [projectKey, outward, inward] of list) {
      const from = epicNamed(projectKey, outward);
      const to = epicNamed(projectKey, inward);
      if (from && to) links.push({ id: String(nextLink++), typeName, outwardIssueId: from.id, inwardIssueId: to.id });
    }
  }
  return {
    ...site,
    versions: [...(site.versions ?? []), ...versions],
    issueLinks: [...(site.issueLinks ?? []), ...links],
    issues: site.issues.map((issue) => {
      const versionId = issue.parentId === undefined ? undefined : versionOfEpic.get(issue.parentId);
      return versionId ? { ...issue, fixVersionIds: [versionId] } : issue;
    }),
  };
}
