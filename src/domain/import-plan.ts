/**
 * What an import does to what is stored, decided before anything is written. Pure: the file's
 * records and the stored ones in the import's scope (the file's projects, and the site settings
 * when the file carries them) in, the writes and a summary out.
 */
import { initialRanks, isRank } from './rank';

export interface StoredKey {
  kind: string;
  key: string;
}

export interface PlannedWrite<V> extends StoredKey {
  value: V;
}

export interface ImportPlan<V> {
  /** Every record of the file, set as it is in the file. */
  writes: Array<PlannedWrite<V>>;
  /** Stored records in scope that the file does not have. */
  removals: StoredKey[];
  kinds: Array<{ kind: string; inFile: number; replaced: number; added: number; removed: number }>;
}

const id = (record: StoredKey) => `${record.kind}\u0000${record.key}`;

/**
 * The file replaces its scope exactly: after the import, the scope holds the file's records and
 * nothing else. `kinds` lists every kind in `kindOrder` (counts may be 0), so the summary always
 * reads the same way.
 */
export function planImport<V>(input: { kindOrder: readonly string[]; file: ReadonlyArray<PlannedWrite<V>>; stored: readonly StoredKey[] }): ImportPlan<V> {
  const fileIds = new Set(input.file.map(id));
  const storedIds = new Set(input.stored.map(id));
  const removals = input.stored.filter((record) => !fileIds.has(id(record)));
  const kinds = input.kindOrder.map((kind) => {
    const inFile = input.file.filter((record) => record.kind === kind);
    const replaced = inFile.filter((record) => storedIds.has(id(record))).length;
    return { kind, inFile: inFile.length, replaced, added: inFile.length - replaced, removed: removals.filter((record) => record.kind === kind).length };
  });
  return { writes: [...input.file], removals, kinds };
}

/** Splits operations into groups of at most `size` (a transaction's limit), never putting one key twice in a group. */
export function transactionGroups<T extends StoredKey>(operations: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let keys = new Set<string>();
  for (const operation of operations) {
    if (current.length >= size || keys.has(id(operation))) {
      groups.push(current);
      current = [];
      keys = new Set();
    }
    current.push(operation);
    keys.add(id(operation));
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

// ── What an import may not take on trust ─────────────────────────────────────────────────────

type Values = Record<string, unknown>;

export interface ImportCorrection {
  kind: string;
  projectId: string;
  /** `counts`: a count record disagreed with the records; `ranks`: ranks were not valid or not unique; `created`: a count record was missing. */
  what: 'counts' | 'ranks' | 'created';
}

/**
 * The file's records with everything derivable derived again: a product's goal and KPI counts and
 * a roadmap's item count from the records themselves (creating the count record when missing), and
 * ranks renumbered, in their order, where one is not a rank or two share one (ties could never be
 * moved between). A file the app exported itself comes out unchanged. `now` dates created records.
 */
export function normaliseImport(records: ReadonlyArray<PlannedWrite<Values>>, now: string): { records: Array<PlannedWrite<Values>>; corrections: ImportCorrection[] } {
  const corrections: ImportCorrection[] = [];
  const byKind = (kind: string) => records.filter((record) => record.kind === kind);
  const projectOf = (record: PlannedWrite<Values>) => String(record.value.projectId);
  const projects = new Set(records.filter((record) => typeof record.value.projectId === 'string').map(projectOf));

  const replaced = new Map<string, PlannedWrite<Values>>();
  const added: Array<PlannedWrite<Values>> = [];
  for (const projectId of projects) {
    const goals = byKind('goal').filter((record) => projectOf(record) === projectId);
    const kpis = byKind('kpi').filter((record) => projectOf(record) === projectId);
    const items = byKind('roadmap-item').filter((record) => projectOf(record) === projectId);

    const product = byKind('product').find((record) => record.key === projectId);
    // Every goal the file's counts name keeps its entry (a deleted goal's stays at 0, as the app
    // leaves it), with the number of KPIs the file really has for it.
    const kpiCounts: Record<string, number> = {};
    const namedInFile = product?.value.kpiCounts;
    if (typeof namedInFile === 'object' && namedInFile !== null) for (const goalId of Object.keys(namedInFile)) kpiCounts[goalId] = 0;
    for (const kpi of kpis) kpiCounts[String(kpi.value.goalId)] = (kpiCounts[String(kpi.value.goalId)] ?? 0) + 1;
    if (product) {
      const value = { ...product.value, goalCount: goals.length, kpiCounts };
      if (!sameJson(value, product.value)) corrections.push({ kind: 'product', projectId, what: 'counts' });
      replaced.set(`product\u0000${projectId}`, { ...product, value });
    } else if (goals.length > 0) {
      corrections.push({ kind: 'product', projectId, what: 'created' });
      added.push({ kind: 'product', key: projectId, value: { projectId, goalCount: goals.length, kpiCounts, version: 1, createdAt: now } });
    }
    const setup = byKind('roadmap-setup').find((record) => record.key === projectId);
    if (setup) {
      if (setup.value.itemCount !== items.length) corrections.push({ kind: 'roadmap-setup', projectId, what: 'counts' });
      replaced.set(`roadmap-setup\u0000${projectId}`, { ...setup, value: { ...setup.value, itemCount: items.length } });
    } else if (items.length > 0) {
      corrections.push({ kind: 'roadmap-setup', projectId, what: 'created' });
      added.push({ kind: 'roadmap-setup', key: projectId, value: { projectId, itemCount: items.length, version: 1, updatedAt: now } });
    }
    for (const [kind, list] of [['goal', goals], ['roadmap-item', items]] as const) {
      const ranks = list.map((record) => String(record.value.rank));
      if (ranks.every(isRank) && new Set(ranks).size === ranks.length) continue;
      corrections.push({ kind, projectId, what: 'ranks' });
      const ordered = [...list].sort((a, b) => compare(String(a.value.rank), String(b.value.rank)) || compare(a.key, b.key));
      const fresh = initialRanks(ordered.length);
      ordered.forEach((record, n) => replaced.set(`${kind}\u0000${record.key}`, { ...record, value: { ...record.value, rank: fresh[n] } }));
    }
  }
  return { records: [...records.map((record) => replaced.get(`${record.kind}\u0000${record.key}`) ?? record), ...added], corrections };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Equal as JSON with keys in any order: how storage compares values it returns. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined).sort(([a], [b]) => compare(a, b));
    return `{${entries.map(([name, inner]) => `${JSON.stringify(name)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
