/**
 * The stored data: three separate key spaces, as on the platform. Plain KVS keys, secrets
 * (`setSecret`, never returned by `query()`), and one key space per custom entity (the same key
 * may exist in several entities and in the KVS at once).
 */

export interface StoredRecord {
  value: unknown;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Epoch milliseconds after which the record is gone (TTL). */
  expiresAt?: number;
}

export type KeySpace = { kind: 'kv' } | { kind: 'secret' } | { kind: 'entity'; entityName: string };

/** JSON form of the whole store: what `snapshot()` returns and `storageFile` holds. */
export interface KvsSnapshot {
  version: 1;
  kv: Record<string, StoredRecord>;
  secrets: Record<string, StoredRecord>;
  entities: Record<string, Record<string, StoredRecord>>;
}

export const KV: KeySpace = { kind: 'kv' };
export const SECRET: KeySpace = { kind: 'secret' };
export const entitySpace = (entityName: string): KeySpace => ({ kind: 'entity', entityName });

export class KvsStore {
  private readonly kv = new Map<string, StoredRecord>();
  private readonly secrets = new Map<string, StoredRecord>();
  private readonly entities = new Map<string, Map<string, StoredRecord>>();

  constructor(private readonly now: () => number) {}

  /** The live record, or undefined when absent or expired (expired records read as deleted). */
  get(space: KeySpace, key: string): StoredRecord | undefined {
    const record = this.map(space).get(key);
    return record && !this.isExpired(record) ? record : undefined;
  }

  put(space: KeySpace, key: string, value: unknown, ttlMs: number | undefined): StoredRecord {
    const now = this.now();
    const previous = this.get(space, key);
    const record: StoredRecord = {
      value,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(ttlMs === undefined ? {} : { expiresAt: now + ttlMs }),
    };
    this.map(space).set(key, record);
    return record;
  }

  /** True when a live record was removed. */
  remove(space: KeySpace, key: string): boolean {
    const existed = this.get(space, key) !== undefined;
    this.map(space).delete(key);
    return existed;
  }

  /** Live records of a key space, sorted by key (the order the platform pages plain KVS queries in). */
  entries(space: KeySpace): Array<[string, StoredRecord]> {
    return [...this.map(space).entries()]
      .filter(([, record]) => !this.isExpired(record))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Live records of a key space, in no particular order (callers that order them anyway skip the sort). */
  liveEntries(space: KeySpace): Array<[string, StoredRecord]> {
    const live: Array<[string, StoredRecord]> = [];
    for (const entry of this.map(space)) if (!this.isExpired(entry[1])) live.push(entry);
    return live;
  }

  clear(): void {
    this.kv.clear();
    this.secrets.clear();
    this.entities.clear();
  }

  toSnapshot(): KvsSnapshot {
    const live = (map: Map<string, StoredRecord>): Record<string, StoredRecord> =>
      Object.fromEntries([...map.entries()].filter(([, record]) => !this.isExpired(record)));
    return structuredClone({
      version: 1,
      kv: live(this.kv),
      secrets: live(this.secrets),
      // Only entities holding records: reading or querying an entity never changes what is stored.
      entities: Object.fromEntries([...this.entities.entries()].map(([name, map]) => [name, live(map)] as const).filter(([, records]) => Object.keys(records).length > 0)),
    });
  }

  load(snapshot: KvsSnapshot): void {
    this.clear();
    const fill = (map: Map<string, StoredRecord>, records: Record<string, StoredRecord>): void => {
      for (const [key, record] of Object.entries(records)) map.set(key, structuredClone(record));
    };
    fill(this.kv, snapshot.kv);
    fill(this.secrets, snapshot.secrets);
    for (const [name, records] of Object.entries(snapshot.entities)) fill(this.entityMap(name), records);
  }

  private isExpired(record: StoredRecord): boolean {
    return record.expiresAt !== undefined && record.expiresAt <= this.now();
  }

  private map(space: KeySpace): Map<string, StoredRecord> {
    switch (space.kind) {
      case 'kv':
        return this.kv;
      case 'secret':
        return this.secrets;
      case 'entity':
        return this.entityMap(space.entityName);
    }
  }

  private entityMap(name: string): Map<string, StoredRecord> {
    let map = this.entities.get(name);
    if (!map) {
      map = new Map();
      this.entities.set(name, map);
    }
    return map;
  }
}
