/**
 * What an import does to what is stored, decided before anything is written. Pure: the file's
 * records and the stored ones in the import's scope (the file's projects, and the site settings
 * when the file carries them) in, the writes and a summary out.
 */

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
