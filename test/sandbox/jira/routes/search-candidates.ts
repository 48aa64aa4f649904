/**
 * Speed only, for sites of 100,000 issues: JQL's answer is still every issue the full evaluation
 * (permissions, every clause) accepts, in the query's order; this only decides which issues that
 * evaluation has to look at. A query whose top level requires one of
 *   project = / in (…), issuetype = / in (…), parent = / in (…), id | key | issue | issuekey = / in (…),
 *   updated | updateddate >= / > "<date literal>"
 * can only match issues in that clause's bucket, so the evaluation runs on the smallest such bucket
 * alone (a superset of the answer, kept in the site's order). Anything else (OR at the top, functions,
 * negations, unknown values) narrows nothing: the whole site is evaluated, as before.
 *
 * Without it, every search page re-evaluated the whole site (77 to 274 ms of CPU a search at
 * 100,000 issues), and the scale bench measured the simulator rather than the app.
 *
 * Buckets are shared between requests while the site is unchanged. The site is plain, live data
 * (tests, routes and the host change issues in place), so before each use the index compares every
 * issue with what it indexed, on the fields buckets are keyed by; any difference rebuilds it. That
 * check is one pass over the issues with no parsing (about 10 ms at 100,000 issues: a cache miss
 * per issue). A simulator told that its site changes only through it (`writesThroughSimulatorOnly`:
 * the benches) skips the pass and rebuilds after each of its own writes instead.
 */
import type { JqlClause, JqlOperand, JqlQuery } from '../jql';
import { parseDateLiteral } from '../jql/dates';
import type { SimIssue, SimSite } from '../model';

/** A date literal is read in the caller's zone (±14 h) and at minute precision: the bound is widened by more than both. */
const DATE_MARGIN_MS = 2 * 86_400_000;

interface Snapshot {
  issues: SimIssue[];
  /** The simulator's write count when built (`SearchIndex.generation`). */
  generation: number | undefined;
  refs: SimIssue[];
  projectIds: string[];
  typeIds: string[];
  parentIds: Array<string | undefined>;
  updated: string[];
  ids: string[];
  keys: string[];
  byProject: Map<string, number[]>;
  byType: Map<string, number[]>;
  byParent: Map<string, number[]>;
  byId: Map<string, number>;
  byKey: Map<string, number>;
  /** Positions ordered by `updated` (ms), with the times alongside. */
  updatedOrder: Int32Array;
  updatedMs: Float64Array;
}

const snapshots = new WeakMap<SimIssue[], Snapshot>();

function push(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}

function build(issues: SimIssue[], generation: number | undefined): Snapshot {
  const n = issues.length;
  const snapshot: Snapshot = {
    issues,
    generation,
    refs: issues.slice(),
    projectIds: new Array<string>(n),
    typeIds: new Array<string>(n),
    parentIds: new Array<string | undefined>(n),
    updated: new Array<string>(n),
    ids: new Array<string>(n),
    keys: new Array<string>(n),
    byProject: new Map(),
    byType: new Map(),
    byParent: new Map(),
    byId: new Map(),
    byKey: new Map(),
    updatedOrder: new Int32Array(n),
    updatedMs: new Float64Array(n),
  };
  const times = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const issue = issues[i]!;
    snapshot.projectIds[i] = issue.projectId;
    snapshot.typeIds[i] = issue.issueTypeId;
    snapshot.parentIds[i] = issue.parentId;
    snapshot.updated[i] = issue.updated;
    snapshot.ids[i] = issue.id;
    snapshot.keys[i] = issue.key;
    push(snapshot.byProject, issue.projectId, i);
    push(snapshot.byType, issue.issueTypeId, i);
    if (issue.parentId !== undefined) push(snapshot.byParent, issue.parentId, i);
    if (!snapshot.byId.has(issue.id)) snapshot.byId.set(issue.id, i);
    const key = issue.key.toUpperCase();
    if (!snapshot.byKey.has(key)) snapshot.byKey.set(key, i);
    const ms = Date.parse(issue.updated);
    // An unreadable date sorts last and is therefore in every date bucket: never left out.
    times[i] = Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
  order.forEach((position, rank) => {
    snapshot.updatedOrder[rank] = position;
    snapshot.updatedMs[rank] = times[position]!;
  });
  return snapshot;
}

function unchanged(snapshot: Snapshot, issues: SimIssue[]): boolean {
  const n = issues.length;
  if (snapshot.refs.length !== n) return false;
  const { refs, projectIds, typeIds, parentIds, updated, ids, keys } = snapshot;
  for (let i = 0; i < n; i += 1) {
    const issue = issues[i]!;
    if (
      issue !== refs[i] ||
      issue.projectId !== projectIds[i] ||
      issue.issueTypeId !== typeIds[i] ||
      issue.parentId !== parentIds[i] ||
      issue.updated !== updated[i] ||
      issue.id !== ids[i] ||
      issue.key !== keys[i]
    ) {
      return false;
    }
  }
  return true;
}

/**
 * `generation`: the site changes only through the simulator, which counts its writes; the same
 * list, length and count mean the same site, with no pass over the issues.
 */
function snapshotOf(issues: SimIssue[], generation: number | undefined): Snapshot {
  const cached = snapshots.get(issues);
  if (cached && generation !== undefined && cached.generation === generation && cached.refs.length === issues.length) return cached;
  if (cached && generation === undefined && unchanged(cached, issues)) return cached;
  const fresh = build(issues, generation);
  snapshots.set(issues, fresh);
  return fresh;
}

type Item = Exclude<JqlOperand, { kind: 'list' }>;

/** The literal values of an `=` or `in` clause; undefined when any is a function or EMPTY. */
function literals(clause: JqlClause): Array<Extract<Item, { kind: 'string' | 'number' }>> | undefined {
  if (clause.operator !== '=' && clause.operator !== 'in') return undefined;
  const items = clause.operand.kind === 'list' ? clause.operand.items : [clause.operand];
  const out: Array<Extract<Item, { kind: 'string' | 'number' }>> = [];
  for (const item of items) {
    if (item.kind !== 'string' && item.kind !== 'number') return undefined;
    out.push(item);
  }
  return out;
}

function union(lists: Array<readonly number[] | undefined>): number[] {
  const present = lists.filter((list): list is readonly number[] => list !== undefined && list.length > 0);
  if (present.length === 0) return [];
  if (present.length === 1) return present[0]!.slice();
  return [...new Set(present.flat())].sort((a, b) => a - b);
}

/** Positions the clause allows (a superset), or undefined when it narrows nothing. */
function bucketOf(snapshot: Snapshot, site: SimSite, clause: JqlClause, now: Date): number[] | undefined {
  if (clause.field.kind !== 'name') return undefined;
  const field = clause.field.name.toLowerCase();
  switch (field) {
    case 'project': {
      const values = literals(clause);
      if (!values) return undefined;
      const projectIds = new Set<string>();
      for (const value of values) {
        const lower = value.value.toLowerCase();
        for (const project of site.projects) {
          if (project.id === value.value || project.key.toLowerCase() === lower || project.name.toLowerCase() === lower) projectIds.add(project.id);
        }
      }
      return union([...projectIds].map((id) => snapshot.byProject.get(id)));
    }
    case 'issuetype':
    case 'type': {
      const values = literals(clause);
      if (!values) return undefined;
      const typeIds = new Set<string>();
      for (const value of values) {
        const lower = value.value.toLowerCase();
        for (const type of site.issueTypes) if (type.id === value.value || type.name.toLowerCase() === lower) typeIds.add(type.id);
      }
      return union([...typeIds].map((id) => snapshot.byType.get(id)));
    }
    case 'parent': {
      const values = literals(clause);
      if (!values) return undefined;
      const parentIds = new Set<string>();
      for (const value of values) {
        const position = /^\d+$/.test(value.value) ? snapshot.byId.get(value.value) : snapshot.byKey.get(value.value.toUpperCase());
        // A number is an id as it stands (an unknown one matches nothing either way); an unknown key narrows nothing.
        if (position === undefined && value.kind !== 'number') return undefined;
        parentIds.add(position === undefined ? value.value : snapshot.ids[position]!);
      }
      return union([...parentIds].map((id) => snapshot.byParent.get(id)));
    }
    case 'id':
    case 'key':
    case 'issue':
    case 'issuekey': {
      const values = literals(clause);
      if (!values) return undefined;
      const positions: number[] = [];
      for (const value of values) {
        const position = /^\d+$/.test(value.value) ? snapshot.byId.get(value.value) : snapshot.byKey.get(value.value.toUpperCase());
        if (position === undefined) return undefined;
        positions.push(position);
      }
      return [...new Set(positions)].sort((a, b) => a - b);
    }
    case 'updated':
    case 'updateddate': {
      if ((clause.operator !== '>=' && clause.operator !== '>') || clause.operand.kind !== 'string') return undefined;
      const bound = parseDateLiteral(clause.operand.value, now, 'UTC');
      if (bound === undefined) return undefined;
      const from = bound - DATE_MARGIN_MS;
      const times = snapshot.updatedMs;
      let low = 0;
      let high = times.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (times[mid]! < from) low = mid + 1;
        else high = mid;
      }
      return Array.from(snapshot.updatedOrder.subarray(low)).sort((a, b) => a - b);
    }
    default:
      return undefined;
  }
}

/**
 * The issues of `issues` (the site's own list) that the query can possibly match, in the list's
 * order; the list itself when the query's top level narrows nothing.
 */
export function searchCandidates(site: SimSite, issues: SimIssue[], query: JqlQuery, now: Date, generation?: number): SimIssue[] {
  const where = query.where;
  const clauses = where?.kind === 'and' ? where.children : where ? [where] : [];
  let smallest: number[] | undefined;
  let snapshot: Snapshot | undefined;
  for (const clause of clauses) {
    if (clause.kind !== 'clause') continue;
    snapshot ??= snapshotOf(issues, generation);
    const bucket = bucketOf(snapshot, site, clause, now);
    if (bucket && (!smallest || bucket.length < smallest.length)) smallest = bucket;
  }
  if (!smallest || !snapshot) return issues;
  const refs = snapshot.refs;
  return smallest.map((position) => refs[position]!);
}
