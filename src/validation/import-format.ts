/**
 * The export / import file, version 1: every record of the app's own data, by record kind, with
 * its key. A kind is the custom entity it was stored in when format 1 began; some small kinds now
 * share an entity with another (src/adapters/storage/record-places.ts maps kind and key to where
 * they live), so files exported before and after that move read the same. Everything derived (the
 * roll-up cache) is left out: it rebuilds itself.
 *
 * ```json
 * { "format": "throughline-export", "formatVersion": 1, "exportedAt": "2026-…",
 *   "projects": [{ "id": "10000", "key": "THR" }],
 *   "records": { "goal": [{ "key": "goal-…", "value": { "projectId": "10000", … } }], … } }
 * ```
 *
 * An import is checked whole before anything is written: each record against its entity's schema
 * (only the attributes manifest.yml declares, never `null`), every record inside one of the file's
 * projects, and every reference (a KPI's goal, a series' KPI) present in the file.
 */
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar';
import { goalStatuses } from '../domain/strategy';
import { horizons, itemStatuses } from '../domain/roadmap';
import { checkInCadences, checkInStatuses, checkInTextLength } from '../domain/status-updates';
import { maxDependsOn } from '../domain/dependencies';
import { isWellFormedText } from './fields';
import { limits } from './limits';
import { kpiSourceSchema, timeFrameSchema, visionBoardSchema } from './strategy-inputs';
import { evidenceFileProblem, evidenceRecordSchemas } from './evidence-import';
import { accountId, scoreInputsSchema, scoringMethodSchema } from './scoring-inputs';
import { coded, codedRef, decodeText } from '../domain/text-codes';
import type { TextRef, TextValue } from '../domain/text-codes';

export const exportFormat = 'throughline-export';
export const exportFormatVersion = 1;

/**
 * Keys as the app writes them (`goal-<uuid>`, a project id, `<kpi id>.<chunk>`): a strict subset of
 * what Forge storage accepts (`/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/`, at most 500 characters), so a key
 * that storage would refuse part-way through an import is refused here, before anything is written.
 */
const key = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, { error: coded('imports.recordKeyShape') });
const id = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, { error: coded('imports.idShape') });
const instant = z.string().min(10).max(40).refine((text) => !Number.isNaN(Date.parse(text)), { error: coded('imports.isoInstants') });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: coded('imports.isoDays') }).refine(isCalendarDate, { error: coded('imports.realDates') });
/** Storage's `integer` attributes are 32-bit signed: a larger number fails the write itself. */
const maxStoredInteger = 2_147_483_647;
const version = z.number().int().min(1).max(maxStoredInteger);
const count = z.number().int().min(0).max(maxStoredInteger);
const finite = z.number().min(-limits.maxMagnitude).max(limits.maxMagnitude);
const userRef = z.strictObject({ accountId: z.string().min(1).max(128), displayName: z.string().max(255), avatarUrl: z.string().max(2000).optional() });
const datedValue = z.strictObject({ value: finite, date: day });
const measurement = z.strictObject({
  id,
  date: day,
  value: finite,
  note: z.string().max(1000).optional(),
  source: z.enum(['manual', 'jql']),
  recordedBy: z.string().min(1).max(128),
  recordedAt: instant,
});

/** One schema per exported entity: the record's value as stored. */
export const recordSchemas = {
  settings: z.strictObject({ editRule: z.enum(['project-admins', 'issue-editors']), version, updatedAt: instant.optional(), updatedBy: z.string().optional() }),
  product: z.strictObject({ projectId: id, goalCount: count, kpiCounts: z.record(z.string(), count), version, createdAt: instant }),
  'vision-version': z.strictObject({
    projectId: id,
    version,
    board: visionBoardSchema,
    savedAt: instant,
    savedBy: userRef,
    restoredFrom: version.optional(),
  }),
  goal: z.strictObject({
    projectId: id,
    title: z.string().min(1).max(500),
    description: z.string().max(20000),
    ownerAccountId: z.string().min(1).max(128).optional(),
    owner: userRef.optional(),
    status: z.enum(goalStatuses),
    timeFrame: timeFrameSchema,
    rank: z.string().min(1).max(200),
    version,
    createdAt: instant,
    createdBy: z.string().min(1),
    updatedAt: instant,
    updatedBy: userRef,
  }),
  kpi: z.strictObject({
    projectId: id,
    goalId: id,
    name: z.string().min(1).max(500),
    unit: z.string().max(100),
    direction: z.enum(['increase', 'decrease']),
    baseline: datedValue,
    target: datedValue,
    source: kpiSourceSchema,
    sourceKind: z.enum(['manual', 'jql']),
    version,
    createdAt: instant,
    createdBy: z.string().min(1),
    updatedAt: instant,
    updatedBy: z.string().min(1),
  }),
  'kpi-series': z.strictObject({
    projectId: id,
    goalId: id,
    kpiId: id,
    version: count,
    count,
    chunks: count,
    recent: z.array(measurement.extend({ chunk: count })),
    updatedAt: instant,
  }),
  'measurement-chunk': z.strictObject({ projectId: id, kpiId: id, chunk: count, measurements: z.array(measurement) }),
  'roadmap-item': z.strictObject({
    projectId: id,
    title: z.string().min(1).max(500),
    description: z.string().max(20000),
    goalId: id.optional(),
    laneId: id.optional(),
    horizon: z.enum(horizons),
    startDate: day.optional(),
    endDate: day.optional(),
    status: z.enum(itemStatuses),
    // Like `goalId`, an id no item of the project has any more is kept and ignored when read.
    dependsOn: z.array(id).max(maxDependsOn).optional(),
    // Bounded as editors' inputs are: a file cannot store an owner or score an editor could not.
    ownerAccountId: accountId.optional(),
    owner: userRef.optional(),
    scoreInputs: scoreInputsSchema.optional(),
    rank: z.string().min(1).max(200),
    version,
    createdAt: instant,
    createdBy: z.string().min(1),
    updatedAt: instant,
    updatedBy: userRef,
  }).refine((item) => item.owner?.accountId === item.ownerAccountId, { error: coded('imports.ownerMismatch'), path: ['owner'] }),
  'roadmap-setup': z.strictObject({
    projectId: id,
    itemCount: count,
    version,
    updatedAt: instant,
    scoringMethod: scoringMethodSchema.optional(),
    scoringVersion: version.optional(),
    scoringUpdatedAt: instant.optional(),
    scoringUpdatedBy: z.string().min(1).max(128).optional(),
  }),
  'roadmap-lanes': z.strictObject({
    projectId: id,
    laneMode: z.enum(['goals', 'custom']),
    lanes: z
      .array(z.strictObject({ id, name: z.string().min(1).max(200) }))
      .max(limits.lanesPerRoadmap, { error: coded('imports.tooManyLanes', { max: limits.lanesPerRoadmap }) })
      .refine((lanes) => new Set(lanes.map((lane) => lane.id)).size === lanes.length, { error: coded('imports.laneTwice') }),
    version,
    updatedAt: instant,
    updatedBy: z.string().min(1),
  }),
  // Evidence on roadmap items: a head per item and its notes chunks (src/validation/evidence-import.ts).
  ...evidenceRecordSchemas,
  // Epic links, the source of truth (key = epic id); an epic's property is derived from it.
  'epic-link': z.strictObject({
    projectId: id,
    directGoalIds: z.array(id).max(limits.linksPerEpic),
    roadmapItemIds: z.array(id).max(limits.linksPerEpic),
    version: z.number().int().min(0).max(maxStoredInteger),
    updatedAt: instant,
  }),
  'story-point-setting': z.strictObject({ fieldId: z.string().max(200), version, updatedAt: instant, updatedBy: z.string().min(1) }),
  // Check-ins (src/adapters/storage/status-update-store.ts): a check-in, a target's head, a product's cadence.
  'status-update': z.union([
    z.strictObject({
      projectId: id,
      targetKind: z.enum(['goal', 'item']),
      targetId: id,
      status: z.enum(checkInStatuses),
      text: z.string().min(1).max(checkInTextLength),
      facts: z.record(z.string(), z.unknown()),
      disagreements: z.array(z.string().max(1000)).max(10).optional(),
      postedAt: instant,
      postedBy: userRef,
      editedAt: instant.optional(),
      comments: z
        .strictObject({
          posted: z.array(z.strictObject({ epicId: id, key: z.string().max(255) })).max(100),
          refused: z.array(z.strictObject({ epicId: id, key: z.string().max(255).optional(), message: z.string().max(1000) })).max(100),
        })
        .optional(),
      version,
    }),
    z.strictObject({ projectId: id, headOf: id, headTarget: id, targetKind: z.enum(['goal', 'item']), latestId: id, status: z.enum(checkInStatuses), latestAt: instant, postedAt: instant, count, version }),
    z.strictObject({ projectId: id, cadence: z.enum(checkInCadences), version, updatedAt: instant, postedAt: instant, updatedBy: z.string().min(1) }),
  ]),
  'sprint-boards': z.strictObject({
    projectId: id,
    boardIds: z.array(z.number().int().min(1).max(maxStoredInteger)).max(100).optional(),
    version,
    updatedAt: instant,
    updatedBy: z.string().min(1),
  }),
} as const;

export type ExportedKind = keyof typeof recordSchemas;
export const exportedKinds = Object.keys(recordSchemas) as ExportedKind[];

/** Kinds whose key is the project id (one record per project). */
export const perProjectKinds: ReadonlySet<ExportedKind> = new Set(['product', 'roadmap-setup', 'roadmap-lanes', 'sprint-boards']);
/** The site's own records live under this key (`settings`, and the site's `story-point-setting`). */
export const siteKey = 'site';

export interface ExportedRecord {
  key: string;
  value: Record<string, unknown>;
}

export interface ExportFile {
  format: typeof exportFormat;
  formatVersion: typeof exportFormatVersion;
  exportedAt: string;
  projects: Array<{ id: string; key?: string }>;
  records: Partial<Record<ExportedKind, ExportedRecord[]>>;
}

const envelopeSchema = z.object({
  format: z.literal(exportFormat, { error: coded('imports.notExportFile') }),
  formatVersion: z.literal(exportFormatVersion, { error: coded('imports.formatVersion', { version: String(exportFormatVersion) }) }),
  exportedAt: instant,
  projects: z.array(z.strictObject({ id: z.string().regex(/^\d+$/, { error: coded('imports.projectIdNumber') }), key: z.string().max(20).optional() })).max(1000),
  records: z.record(z.string(), z.array(z.object({ key, value: z.record(z.string(), z.unknown()) }))),
});

/** `message` is coded (src/domain/text-codes.ts): the admin page is told it in the admin's language. */
export type FileProblem = { message: string; path: string };

/**
 * The file, checked whole; the first problem otherwise, with a sentence naming the record and
 * the JSON path to it. Nothing is trusted until every record passed.
 */
export function parseExportFile(data: unknown): { ok: true; file: ExportFile } | { ok: false; problem: FileProblem } {
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    // The envelope's schema says its own message (not an export, another format version); zod's defaults get plain words.
    const message = !issue ? coded('imports.notExportFile') : decodeText(issue.message) ? issue.message : codedRef(plainIssue(issue));
    return { ok: false, problem: { message, path: issue?.path.join('.') ?? '' } };
  }
  const broken = firstBrokenText(data, '');
  if (broken !== undefined) return { ok: false, problem: { message: broken ? coded('imports.brokenText', { path: broken }) : coded('imports.brokenTextTop'), path: broken } };
  const { records, projects } = envelope.data;
  const projectIds = new Set(projects.map((project) => project.id));
  if (projectIds.size !== projects.length) return { ok: false, problem: { message: coded('imports.projectTwice'), path: 'projects' } };
  const problem = (message: string, path: string) => ({ ok: false as const, problem: { message, path } });

  for (const kind of Object.keys(records)) {
    if (!(kind in recordSchemas)) return problem(coded('imports.unknownKind', { kind }), `records.${kind}`);
  }
  const parsed: Partial<Record<ExportedKind, ExportedRecord[]>> = {};
  for (const kind of exportedKinds) {
    const list = records[kind] ?? [];
    const seen = new Set<string>();
    for (const [index, record] of list.entries()) {
      const where = `records.${kind}.${index}`;
      const name = { kind, index: String(index + 1), key: record.key };
      const recordProblem = (ref: TextRef) => coded('imports.record', { ...name, problem: { ref } });
      if (seen.has(record.key)) return problem(coded('imports.recordTwice', name), `${where}.key`);
      seen.add(record.key);
      const result = recordSchemas[kind].safeParse(record.value);
      if (!result.success) {
        const issue = result.error.issues[0];
        const at = issue?.path.join('.') ?? '';
        return problem(recordProblem(issue ? plainIssue(issue) : { key: 'imports.problem.notValid' }), `${where}.value${at ? `.${at}` : ''}`);
      }
      const value = result.data as Record<string, unknown>;
      const projectId = typeof value.projectId === 'string' ? value.projectId : undefined;
      const scopeProblem = scopeOf(kind, record.key, projectId, projectIds) ?? keyShapeProblem(kind, record.key, value);
      if (scopeProblem) return problem(recordProblem(scopeProblem), `${where}.key`);
      (parsed[kind] ??= []).push({ key: record.key, value });
    }
  }
  const reference = danglingReference(parsed);
  if (reference) return problem(reference.message, reference.path);
  const evidence = evidenceFileProblem(parsed);
  if (evidence) return problem(evidence.message, evidence.path);
  const tooMany = overLimit(parsed);
  if (tooMany) return problem(tooMany.message, tooMany.path);
  return { ok: true, file: { format: exportFormat, formatVersion: exportFormatVersion, exportedAt: envelope.data.exportedAt, projects, records: parsed } };
}

/** Every record belongs to the site or to one of the file's projects, under the key the app uses for it. */
function scopeOf(kind: ExportedKind, recordKey: string, projectId: string | undefined, projectIds: ReadonlySet<string>): TextRef | undefined {
  if (kind === 'settings') return recordKey === siteKey ? undefined : { key: 'imports.problem.siteKey', params: { key: siteKey } };
  if (kind === 'story-point-setting') {
    return recordKey === siteKey || projectIds.has(recordKey) ? undefined : { key: 'imports.problem.storyPointKey' };
  }
  if (projectId === undefined) return { key: 'imports.problem.noProject' };
  if (!projectIds.has(projectId)) return { key: 'imports.problem.projectNotListed', params: { project: projectId } };
  if (perProjectKinds.has(kind) && recordKey !== projectId) return { key: 'imports.problem.keyIsProject' };
  return undefined;
}

/**
 * Keys the app derives from the value: a vision version's `<project>.<version>`, a series under
 * its KPI's id, a chunk's `<kpi>.<chunk>`. Another key would be a record the app never reads.
 */
function keyShapeProblem(kind: ExportedKind, recordKey: string, value: Record<string, unknown>): TextRef | undefined {
  const expected =
    kind === 'vision-version'
      ? `${String(value.projectId)}.${String(value.version)}`
      : kind === 'kpi-series'
        ? String(value.kpiId)
        : kind === 'measurement-chunk'
          ? `${String(value.kpiId)}.${String(value.chunk)}`
          : undefined;
  return expected === undefined || expected === recordKey ? undefined : { key: 'imports.problem.keyMustBe', params: { expected } };
}

/** The path of the first string that is not well-formed UTF-16, if any (the file is JSON: no cycles). */
function firstBrokenText(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return isWellFormedText(value) ? undefined : path;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [name, inner] of Object.entries(value)) {
    const at = path ? `${path}.${name}` : name;
    if (!isWellFormedText(name)) return at;
    const found = firstBrokenText(inner, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** More goals, KPIs, items than the app allows: the import would leave a product nobody can add to. */
function overLimit(records: Partial<Record<ExportedKind, ExportedRecord[]>>): FileProblem | undefined {
  const countBy = (kind: ExportedKind, attribute: string) => {
    const counts = new Map<string, number>();
    for (const record of records[kind] ?? []) {
      const group = String(record.value[attribute]);
      counts.set(group, (counts.get(group) ?? 0) + 1);
    }
    return counts;
  };
  const checks: Array<{ kind: 'goal' | 'kpi' | 'roadmap-item'; by: string; max: number }> = [
    { kind: 'goal', by: 'projectId', max: limits.goalsPerProduct },
    { kind: 'kpi', by: 'goalId', max: limits.kpisPerGoal },
    { kind: 'roadmap-item', by: 'projectId', max: limits.itemsPerRoadmap },
  ];
  for (const check of checks) {
    for (const [group, total] of countBy(check.kind, check.by)) {
      if (total > check.max) return { message: coded(`imports.overLimit.${check.kind}`, { max: check.max, total, group }), path: `records.${check.kind}` };
    }
  }
  return undefined;
}

/**
 * A KPI without its goal, a series without its KPI, and the like: the file would leave orphans.
 * A reference must also stay inside its record's project. A roadmap item's goal is the exception:
 * deleting a goal leaves its items' `goalId` behind (readers show them under "No goal"), and the
 * app's own export of such a roadmap must import again unchanged.
 */
function danglingReference(records: Partial<Record<ExportedKind, ExportedRecord[]>>): FileProblem | undefined {
  const keys = (kind: ExportedKind) => new Set((records[kind] ?? []).map((record) => record.key));
  const goals = keys('goal');
  const kpis = keys('kpi');
  const checks: Array<{ kind: ExportedKind; attribute: string; target: ReadonlySet<string>; what: string; optional?: boolean }> = [
    { kind: 'kpi', attribute: 'goalId', target: goals, what: 'goal' },
    { kind: 'kpi-series', attribute: 'kpiId', target: kpis, what: 'KPI' },
    { kind: 'measurement-chunk', attribute: 'kpiId', target: kpis, what: 'KPI' },
  ];
  const projectOf = new Map<string, unknown>();
  for (const kind of ['goal', 'kpi'] as const) for (const record of records[kind] ?? []) projectOf.set(`${kind}:${record.key}`, record.value.projectId);
  for (const check of checks) {
    for (const [index, record] of (records[check.kind] ?? []).entries()) {
      const ref = record.value[check.attribute];
      if (ref === undefined && check.optional) continue;
      if (typeof ref !== 'string' || !check.target.has(ref)) {
        return {
          message: coded('imports.danglingReference', { kind: check.kind, index: String(index + 1), key: record.key, target: { ref: { key: `imports.target.${targetOf(check.what)}` } }, ref: String(ref) }),
          path: `records.${check.kind}.${index}.value.${check.attribute}`,
        };
      }
      const targetKind = check.what === 'goal' ? 'goal' : 'kpi';
      if (projectOf.get(`${targetKind}:${ref}`) !== record.value.projectId) {
        return {
          message: coded('imports.foreignReference', { kind: check.kind, index: String(index + 1), key: record.key, target: { ref: { key: `imports.target.${targetOf(check.what)}` } }, ref }),
          path: `records.${check.kind}.${index}.value.${check.attribute}`,
        };
      }
    }
  }
  return undefined;
}

const targetOf = (what: string): 'goal' | 'kpi' => (what === 'goal' ? 'goal' : 'kpi');

/** A record's problem in words an admin can act on, naming the attribute (its JSON path, as the file writes it). */
function plainIssue(issue: z.core.$ZodIssue): TextRef {
  const path = issue.path.map(String).join('.');
  const attribute: TextValue = path ? { names: [path] } : { ref: { key: 'imports.problem.theRecord' } };
  switch (issue.code) {
    case 'invalid_value':
      return { key: 'imports.problem.oneOf', params: { attribute, values: issue.values.map((value) => JSON.stringify(value)).join(', ') } };
    case 'invalid_type':
      return issue.input === undefined ? { key: 'imports.problem.missing', params: { attribute } } : { key: 'imports.problem.wrongType', params: { attribute, type: issue.expected } };
    case 'unrecognized_keys':
      return { key: 'imports.problem.extraAttributes', params: { keys: issue.keys.join(', ') } };
    case 'too_small':
      return { key: 'imports.problem.tooSmall', params: { attribute } };
    case 'too_big':
      return { key: 'imports.problem.tooBig', params: { attribute } };
    default: {
      // The schemas' own messages are coded texts; anything else is zod's and stays as it is.
      const reason = decodeText(issue.message);
      return { key: 'imports.problem.invalidBecause', params: { attribute, reason: reason ? { ref: reason } : issue.message } };
    }
  }
}
