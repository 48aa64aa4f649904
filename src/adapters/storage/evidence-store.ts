/**
 * Evidence on roadmap items. Per item: one head record (`evidence`, key = item id) with its linked
 * issue keys, saved JQL and the size of each notes chunk, and up to 8 notes chunks (kind
 * `evidence-notes`, key `<item>.<n>`, 25 notes each; stored in the same entity under
 * `notes.<item>.<n>`, see record-places.ts). Why: the card counts come from the heads
 * alone (one index query per 100 items), one item's whole evidence is one batch read by key (keys
 * are known, so no index lag), and deleting an item removes at most 9 records in the item's own
 * transaction. Every write rewrites the head on condition of its version, so limits hold exactly
 * and two writers never both win; each entry has its own version for the callers' `baseVersion`.
 */
import { randomUUID } from 'node:crypto';
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import type { EvidenceNote, UserRef } from '../../contract';
import { allRows } from './paging';
import { entityNames, queryPageSize } from './entities';
import { commit, isAbsent, versionIs } from './writes';
import type { Commit } from './writes';
import type { Keyed } from './records';
import { fromStoredValue, kindOf, placeOf, toStoredValue } from './record-places';

export const evidenceEntityNames = { head: 'evidence', notes: placeOf('evidence-notes', '').entityName } as const;
const notesKind = 'evidence-notes';
/** Where a notes chunk is stored (the heads' entity, its own key prefix). */
const storedChunkKey = (itemId: string, chunk: number): string => placeOf(notesKind, notesChunkKey(itemId, chunk)).key;

export interface EvidenceStamp {
  at: string;
  by: UserRef;
}

interface StoredEntry {
  id: string;
  version: number;
  added: EvidenceStamp;
  updated?: EvidenceStamp;
}

export interface StoredNote extends StoredEntry, EvidenceNote {}
export interface StoredIssue extends StoredEntry {
  /** As the editor typed it (upper-cased). */
  key: string;
  /** Jira's id when linked: it survives a move to another project, which changes the key. */
  issueId?: string;
}
export interface StoredJql extends StoredEntry {
  label: string;
  jql: string;
}

export interface EvidenceHeadRecord {
  projectId: string;
  itemId: string;
  version: number;
  /** Notes in chunk 0, 1, …; a chunk of size 0 has no record. */
  noteChunks: number[];
  issues: StoredIssue[];
  jql: StoredJql[];
  updatedAt: string;
}

export interface EvidenceNotesRecord {
  projectId: string;
  itemId: string;
  chunk: number;
  notes: StoredNote[];
  version: number;
}

/** Most chunks an item can have: 200 notes, 25 a chunk. */
export const maxNoteChunks = 8;

const heads = kvs.entity<EvidenceHeadRecord>(evidenceEntityNames.head);

export const notesChunkKey = (itemId: string, chunk: number): string => `${itemId}.${chunk}`;

export const newEvidenceId = (): string => `ev-${randomUUID()}`;

export interface ItemEvidenceRecords {
  /** Absent before the item's first evidence. */
  head?: EvidenceHeadRecord;
  /** By chunk number. */
  chunks: Map<number, EvidenceNotesRecord>;
}

/** An item's whole evidence in one batch read: the head and every chunk key an item can have. */
export async function readItemEvidence(projectId: string, itemId: string): Promise<ItemEvidenceRecords> {
  const keys = [
    { key: itemId, entityName: evidenceEntityNames.head },
    ...Array.from({ length: maxNoteChunks }, (_, n) => ({ key: storedChunkKey(itemId, n), entityName: evidenceEntityNames.notes })),
  ];
  const result = await kvs.batchGet<Record<string, unknown>>(keys);
  let head: EvidenceHeadRecord | undefined;
  const chunks = new Map<number, EvidenceNotesRecord>();
  for (const found of result.successfulKeys) {
    if (found.value === undefined) continue;
    const isChunk = kindOf(found.entityName ?? '', found.key).kind === notesKind;
    const value = isChunk ? fromStoredValue<EvidenceNotesRecord>(notesKind, found.value) : (found.value as unknown as EvidenceHeadRecord);
    // Keys are global: a record of another project (an id sent from elsewhere) reads as missing.
    if (value.projectId !== projectId || value.itemId !== itemId) continue;
    if (isChunk) chunks.set((value as EvidenceNotesRecord).chunk, value as EvidenceNotesRecord);
    else head = value as EvidenceHeadRecord;
  }
  // A key with no record is reported per key as KEY_NOT_FOUND (most chunks never exist); anything else is a failed read.
  const failed = result.failedKeys.filter((failure) => failure.error?.code !== 'KEY_NOT_FOUND');
  if (failed.length > 0) throw new Error(`Storage did not read ${failed.length} evidence records: ${failed[0]?.error?.code ?? 'unknown'}`);
  return { ...(head ? { head } : {}), chunks };
}

/** Every evidence head of the project: the card counts of the whole roadmap (a page per 100 items with evidence). */
export async function evidenceHeadsOfProject(projectId: string): Promise<Array<Keyed<EvidenceHeadRecord>>> {
  return allRows((cursor) => {
    const query = heads.query().index('by-project', { partition: [projectId] }).limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}

export type Transaction = Parameters<Parameters<typeof commit>[0]>[0];

/** The item still exists (evidence is never written for an item deleted meanwhile). */
const itemExists = () => new Filter<{ version: number }>().and('version', FilterConditions.exists());

/**
 * Writes the item's new head and one changed chunk (`undefined` notes: the chunk is now empty and
 * removed), on condition that head, chunk and item are as read. A failed condition is `conflict`:
 * the caller reads again and decides whether it was their entry that changed.
 */
export function writeEvidence(options: {
  read: ItemEvidenceRecords;
  head: EvidenceHeadRecord;
  chunk?: { number: number; notes: StoredNote[] };
}): Promise<Commit> {
  const { read, head } = options;
  return commit((transaction) => {
    transaction.check(head.itemId, { entityName: entityNames.roadmapItem, conditions: itemExists() });
    transaction.set(head.itemId, head, { entityName: evidenceEntityNames.head, conditions: read.head ? versionIs(read.head.version) : isAbsent() });
    if (!options.chunk) return;
    const { number, notes } = options.chunk;
    const before = read.chunks.get(number);
    const key = storedChunkKey(head.itemId, number);
    if (notes.length === 0) {
      if (before) transaction.delete(key, { entityName: evidenceEntityNames.notes, conditions: versionIs(before.version) });
      return;
    }
    const record: EvidenceNotesRecord = { projectId: head.projectId, itemId: head.itemId, chunk: number, notes, version: (before?.version ?? 0) + 1 };
    transaction.set(key, { ...toStoredValue(notesKind, record), version: record.version }, { entityName: evidenceEntityNames.notes, conditions: before ? versionIs(before.version) : isAbsent() });
  });
}

/** Stages the deletion of an item's evidence as read (head on condition of its version): for the item's own deletion. */
export function stageEvidenceRemoval(read: ItemEvidenceRecords): ((transaction: Transaction) => void) | undefined {
  if (!read.head && read.chunks.size === 0) return undefined;
  return (transaction) => {
    if (read.head) transaction.delete(read.head.itemId, { entityName: evidenceEntityNames.head, conditions: versionIs(read.head.version) });
    for (const chunk of read.chunks.values()) {
      transaction.delete(storedChunkKey(chunk.itemId, chunk.chunk), { entityName: evidenceEntityNames.notes, conditions: versionIs(chunk.version) });
    }
  };
}

/** Both stagings in one transaction (either may be absent). */
export function stagedTogether(
  first: ((transaction: Transaction) => void) | undefined,
  second: ((transaction: Transaction) => void) | undefined,
): ((transaction: Transaction) => void) | undefined {
  if (!first || !second) return first ?? second;
  return (transaction) => {
    first(transaction);
    second(transaction);
  };
}
