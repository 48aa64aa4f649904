/**
 * The simulator's search narrows the issues it evaluates by the query's top-level clauses
 * (routes/search-candidates.ts). Speed only: every answer must equal a full evaluation of every
 * issue of the site (same issues, same order, same permissions), also after the site was changed in
 * place, through the simulator, or behind the search index's lag.
 */
import { parseJql, searchIssues } from './jql';
import type { JqlContext } from './jql';
import type { SimSite } from './model';
import { Access } from './routes/access';
import type { Caller, JiraSimulator } from './simulator';
import type { SearchPage } from './simulator-kit';
import { APP, asUser, bodyOf, demoSimulator, issueNamed, send } from './simulator-kit';

async function searchIds(sim: JiraSimulator, jql: string, caller: Caller, extra: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const response = await send(sim, { method: 'POST', path: '/rest/api/3/search/jql', caller, body: { jql, maxResults: 5000, ...extra, ...(token ? { nextPageToken: token } : {}) } });
    expect(response.status).toBe(200);
    const page = bodyOf<SearchPage>(response);
    ids.push(...page.issues.map((issue) => issue.id));
    token = page.nextPageToken;
  } while (token);
  return ids;
}

/** Every issue of the site evaluated against the query, as the caller sees them: no narrowing at all. */
function fullScan(site: SimSite, jql: string, caller: Caller, now: Date): string[] {
  const access = new Access(site, caller);
  const ctx: JqlContext = {
    site,
    ...(caller.kind === 'user' ? { accountId: caller.accountId } : {}),
    ...(caller.kind === 'app' ? { timeZone: site.users.find((u) => u.accountType === 'app')?.timeZone ?? 'UTC' } : {}),
    now,
    canBrowse: (projectId) => access.canBrowseProjectId(projectId),
    canSeeIssue: (issue) => access.canSeeIssue(issue),
  };
  return searchIssues(parseJql(jql), site.issues.filter((issue) => access.canSeeIssue(issue)), ctx).map((issue) => issue.id);
}

function queriesFor(site: SimSite): string[] {
  const thr = site.projects.find((p) => p.key === 'THR')!;
  const epicType = site.issueTypes.find((t) => t.hierarchyLevel === 1 && t.scopeProjectId === undefined)!;
  const epics = site.issues.filter((issue) => issue.projectId === thr.id && issue.issueTypeId === epicType.id).slice(0, 4);
  const children = site.issues.filter((issue) => issue.parentId === epics[0]!.id);
  return [
    `project = THR`,
    `project = ${thr.id} AND issuetype in (${epicType.id}) ORDER BY rank ASC`,
    `project = "${thr.name}" AND issuetype = "${epicType.name}"`,
    `project in (THR, OPS) AND status = "In Progress" ORDER BY key`,
    `parent in (${epics.map((epic) => epic.id).join(', ')})`,
    `parent = ${epics[1]!.key}`,
    `parent in (${epics[0]!.key}, ${epics[2]!.id}) ORDER BY created DESC`,
    `id in (${children.map((child) => child.id).join(', ')})`,
    `key in (${children.slice(0, 3).map((child) => child.key.toLowerCase()).join(', ')}) ORDER BY key DESC`,
    `issue = ${children[0]!.key}`,
    `project = THR AND updated >= "-3d"`,
    `project = THR AND updated > "-20m"`,
    `project = ${thr.id} AND updated >= "2026/11/19 08:00"`,
    `updateddate >= "2026-11-18" AND project = THR ORDER BY updated DESC`,
    `project = THR AND updated >= startOfDay(-1)`,
    `parent in (${epics[0]!.id}) OR project = OPS`,
    `NOT project = THR AND project in (THR, OPS)`,
    `project = THR AND parent is not EMPTY AND issuetype in standardIssueTypes()`,
  ];
}

describe('the simulator search narrows what it evaluates, never what it answers', () => {
  const callers: Array<[string, Caller]> = [
    ['the app', APP],
    ['a product manager', asUser('productManager')],
    ['a developer', asUser('developer')],
  ];

  test.each(callers)('every answer equals a full evaluation of the site, in order, for %s', async (_, caller) => {
    const sim = demoSimulator();
    const now = new Date(sim.site.now);
    for (const jql of queriesFor(sim.site)) {
      expect({ jql, ids: await searchIds(sim, jql, caller) }).toEqual({ jql, ids: fullScan(sim.site, jql, caller, now) });
    }
  });

  test('issues changed in place by whoever holds the site are found where they are now', async () => {
    const sim = demoSimulator();
    const now = new Date(sim.site.now);
    const queries = queriesFor(sim.site);
    // Warm the shared lookups before changing anything.
    for (const jql of queries) await searchIds(sim, jql, APP);
    const thr = sim.site.projects.find((p) => p.key === 'THR')!;
    const epicType = sim.site.issueTypes.find((t) => t.hierarchyLevel === 1 && t.scopeProjectId === undefined)!;
    const [first, second] = sim.site.issues.filter((issue) => issue.projectId === thr.id && issue.issueTypeId === epicType.id);
    const moved = sim.site.issues.find((issue) => issue.parentId === second!.id && issue.securityLevelId === undefined)!;
    moved.parentId = first!.id;
    const retyped = sim.site.issues.find((issue) => issue.projectId === thr.id && issue.parentId === undefined && issue.issueTypeId !== epicType.id);
    if (retyped) retyped.issueTypeId = epicType.id;
    const rekeyed = sim.site.issues.find((issue) => issue.parentId === first!.id && issue !== moved)!;
    rekeyed.key = 'THR-99999';
    const touched = issueNamed(sim.site, sim.site.issues.find((issue) => issue.projectId === thr.id && Date.parse(issue.updated) < now.getTime() - 10 * 86_400_000)!.key);
    touched.updated = new Date(now.getTime() - 60_000).toISOString();

    for (const jql of [...queriesFor(sim.site), `key = THR-99999`, `parent = ${first!.id}`]) {
      expect({ jql, ids: await searchIds(sim, jql, APP).catch((error: unknown) => String(error)) }).toEqual({ jql, ids: fullScan(sim.site, jql, APP, now) });
    }
    expect(await searchIds(sim, `parent = ${first!.id}`, APP)).toContain(moved.id);
    expect(await searchIds(sim, `project = THR AND updated >= "-5m"`, APP)).toContain(touched.id);
  });

  test('a simulator trusted with every write sees its own writes at the next search', async () => {
    const sim = demoSimulator({ writesThroughSimulatorOnly: true });
    const thr = sim.site.projects.find((p) => p.key === 'THR')!;
    const epicType = sim.site.issueTypes.find((t) => t.hierarchyLevel === 1 && t.scopeProjectId === undefined)!;
    const [first, second] = sim.site.issues.filter((issue) => issue.projectId === thr.id && issue.issueTypeId === epicType.id);
    const child = sim.site.issues.find((issue) => issue.parentId === second!.id && issue.securityLevelId === undefined)!;
    expect(await searchIds(sim, `parent = ${first!.id}`, APP)).not.toContain(child.id);

    sim.editIssue(child.id, (issue) => {
      issue.parentId = first!.id;
    });

    const now = new Date(sim.site.now);
    expect(await searchIds(sim, `parent = ${first!.id}`, APP)).toContain(child.id);
    expect(await searchIds(sim, `parent = ${second!.id}`, APP)).not.toContain(child.id);
    expect(await searchIds(sim, `project = THR AND updated >= "-1m"`, APP)).toEqual(fullScan(sim.site, `project = THR AND updated >= "-1m"`, APP, now));
  });

  test('behind the index lag, a moved child is found under its old epic until the lag passes, and at once when reconciled', async () => {
    let elapsed = 0;
    const sim = demoSimulator({ writesThroughSimulatorOnly: true });
    sim.setSearchIndexLag(30_000, () => elapsed);
    const thr = sim.site.projects.find((p) => p.key === 'THR')!;
    const epicType = sim.site.issueTypes.find((t) => t.hierarchyLevel === 1 && t.scopeProjectId === undefined)!;
    const [first, second] = sim.site.issues.filter((issue) => issue.projectId === thr.id && issue.issueTypeId === epicType.id);
    const child = sim.site.issues.find((issue) => issue.parentId === second!.id && issue.securityLevelId === undefined)!;
    sim.editIssue(child.id, (issue) => {
      issue.parentId = first!.id;
    });

    expect(await searchIds(sim, `parent = ${first!.id}`, APP)).not.toContain(child.id);
    expect(await searchIds(sim, `parent = ${second!.id}`, APP)).toContain(child.id);
    expect(await searchIds(sim, `parent = ${first!.id}`, APP, { reconcileIssues: [Number(child.id)] })).toContain(child.id);
    elapsed = 30_001;
    expect(await searchIds(sim, `parent = ${first!.id}`, APP)).toContain(child.id);
    expect(await searchIds(sim, `parent = ${second!.id}`, APP)).not.toContain(child.id);
  });
});
