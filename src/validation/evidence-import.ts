/**
 * Evidence in the export / import file: each item's head (`evidence`, key = item id) and its notes
 * chunks (`evidence-notes`, key `<item>.<n>`), checked as strictly as the app writes them. A file
 * may not attach evidence to an item it does not have, or to another project's item, exceed the
 * per-item limits, disagree with itself about how many notes a chunk holds, or carry a JQL the
 * app would not have stored.
 */
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar';
import { notesPerChunk } from '../domain/evidence';
import { issueKeyPattern } from './evidence-inputs';
import { isWellFormedText } from './fields';
import { jqlProblem } from './jql';
import { limits } from './limits';
import { coded } from '../domain/text-codes';

/** Most notes chunks an item can have (limits.evidenceNotesPerItem ÷ notesPerChunk). */
export const maxNoteChunks = Math.ceil(limits.evidenceNotesPerItem / notesPerChunk);

const id = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/);
const instant = z.string().min(10).max(40).refine((text) => !Number.isNaN(Date.parse(text)), { error: coded('imports.isoInstants') });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDate, { error: coded('imports.realDates') });
const version = z.number().int().min(1).max(2_147_483_647);
const userRef = z.strictObject({ accountId: z.string().min(1).max(128), displayName: z.string().max(255), avatarUrl: z.string().max(2000).optional() });
const stamp = z.strictObject({ at: instant, by: userRef });
const entry = { id, version, added: stamp, updated: stamp.optional() };
const bounded = (max: number) => z.string().max(max).refine(isWellFormedText);

const note = z.strictObject({
  ...entry,
  text: bounded(limits.evidenceNoteLength).refine((text) => text.trim() !== '', { error: coded('imports.noteText') }),
  source: bounded(limits.evidenceSourceLength),
  customer: bounded(limits.evidenceCustomerLength),
  date: day,
});

export const evidenceRecordSchemas = {
  evidence: z.strictObject({
    projectId: id,
    itemId: id,
    version,
    noteChunks: z
      .array(z.number().int().min(0).max(notesPerChunk))
      .max(maxNoteChunks)
      .refine((sizes) => sizes.reduce((sum, size) => sum + size, 0) <= limits.evidenceNotesPerItem, { error: coded('imports.notesPerItem', { max: limits.evidenceNotesPerItem }) }),
    issues: z
      .array(
        z.strictObject({
          ...entry,
          key: z.string().refine((key) => issueKeyPattern.test(key), { error: coded('imports.issueKeys') }),
          issueId: z.string().regex(/^\d{1,18}$/).optional(),
        }),
      )
      .max(limits.evidenceIssuesPerItem)
      .refine((issues) => new Set(issues.map((issue) => issue.key)).size === issues.length, { error: coded('imports.issueTwice') }),
    jql: z
      .array(
        z.strictObject({
          ...entry,
          label: bounded(limits.evidenceLabelLength).refine((label) => label.trim() !== '', { error: coded('imports.searchLabel') }),
          jql: z.string().refine((jql) => jqlProblem(jql) === undefined, { error: coded('imports.jqlNotStored') }),
        }),
      )
      .max(limits.evidenceJqlPerItem),
    updatedAt: z.union([instant, z.literal('')]),
  }),
  'evidence-notes': z.strictObject({
    projectId: id,
    itemId: id,
    chunk: z.number().int().min(0).max(maxNoteChunks - 1),
    notes: z.array(note).min(1).max(notesPerChunk),
    version,
  }),
} as const;

interface Record_ {
  key: string;
  value: Record<string, unknown>;
}

/**
 * Cross-record rules: keys as the app derives them, the item present in the file and in the same
 * project, chunk sizes as the head says, and entry ids unique within an item.
 */
export function evidenceFileProblem(records: {
  'roadmap-item'?: Record_[];
  evidence?: Record_[];
  'evidence-notes'?: Record_[];
}): { message: string; path: string } | undefined {
  const items = new Map((records['roadmap-item'] ?? []).map((record) => [record.key, record.value.projectId]));
  const heads = new Map<string, Record_>();
  const idsByItem = new Map<string, Set<string>>();
  const claim = (itemId: string, entryId: string): boolean => {
    const seen = idsByItem.get(itemId) ?? new Set<string>();
    idsByItem.set(itemId, seen);
    if (seen.has(entryId)) return false;
    seen.add(entryId);
    return true;
  };
  for (const [index, record] of (records.evidence ?? []).entries()) {
    const where = `records.evidence.${index}`;
    const name = { index: String(index + 1), key: record.key };
    const itemId = String(record.value.itemId);
    if (record.key !== itemId) return { message: coded('imports.evidence.keyIsItem', { ...name, item: itemId }), path: `${where}.key` };
    if (!items.has(itemId)) return { message: coded('imports.evidence.itemMissing', { ...name, item: itemId }), path: `${where}.value.itemId` };
    if (items.get(itemId) !== record.value.projectId) return { message: coded('imports.evidence.itemForeign', { ...name, item: itemId }), path: `${where}.value.itemId` };
    for (const entryOf of [...(record.value.issues as Array<{ id: string }>), ...(record.value.jql as Array<{ id: string }>)]) {
      if (!claim(itemId, entryOf.id)) return { message: coded('imports.evidence.idTwice', { ...name, id: entryOf.id }), path: `${where}.value` };
    }
    heads.set(itemId, record);
  }
  const chunksSeen = new Set<string>();
  for (const [index, record] of (records['evidence-notes'] ?? []).entries()) {
    const where = `records.evidence-notes.${index}`;
    const name = { index: String(index + 1), key: record.key };
    const itemId = String(record.value.itemId);
    const chunk = Number(record.value.chunk);
    if (record.key !== `${itemId}.${chunk}`) return { message: coded('imports.evidence.chunkKey', { ...name, expected: `${itemId}.${chunk}` }), path: `${where}.key` };
    const head = heads.get(itemId);
    if (!head || head.value.projectId !== record.value.projectId) return { message: coded('imports.evidence.chunkOrphan', name), path: `${where}.value.itemId` };
    const notes = record.value.notes as Array<{ id: string }>;
    if ((head.value.noteChunks as number[])[chunk] !== notes.length) return { message: coded('imports.evidence.chunkSize', { ...name, notes: notes.length }), path: `${where}.value.notes` };
    for (const noteOf of notes) if (!claim(itemId, noteOf.id)) return { message: coded('imports.evidence.chunkIdTwice', { ...name, id: noteOf.id }), path: `${where}.value.notes` };
    chunksSeen.add(record.key);
  }
  for (const [itemId, head] of heads) {
    for (const [chunk, size] of (head.value.noteChunks as number[]).entries()) {
      if (size > 0 && !chunksSeen.has(`${itemId}.${chunk}`)) return { message: coded('imports.evidence.chunkMissing', { item: itemId, size, chunk: String(chunk) }), path: `records.evidence` };
    }
  }
  return undefined;
}
