/**
 * Export and import of the app's data (format: src/validation/import-format.ts). An import is
 * validated whole, previewed as a dry run, then applied all or nothing
 * (src/adapters/storage/app-data.ts says how, across 25-operation transactions).
 *
 * Nothing in the file is taken on trust: every record must belong to a project of the file that
 * the admin selected and administers, no key may name a record stored for any other project,
 * counts and broken ranks are derived again, and applying runs only the plan the preview showed
 * (its `planId`), refusing if storage changed since.
 */
import { createHash } from 'node:crypto';
import type { ImportRequest, ImportSummary } from '../../contract';
import { canonicalJson, normaliseImport, planImport, sameJson } from '../../domain/import-plan';
import type { PlannedWrite } from '../../domain/import-plan';
import { nowIso, todayOf } from '../../adapters/clock';
import { mapWithConcurrency } from '../../adapters/concurrency';
import type { JiraClient } from '../../adapters/jira/client';
import { administeredProjects } from '../../adapters/jira/site-admin';
import { applyAllOrNothing, ImportUndoFailed, importInProgress, readProjectRecords, readRecords, readSiteRecords } from '../../adapters/storage/app-data';
import { exportFormat, exportFormatVersion, exportedKinds, parseExportFile, perProjectKinds, siteKey } from '../../validation/import-format';
import type { ExportFile, ExportedKind, ExportedRecord } from '../../validation/import-format';
import { carryLinkChange, newLinkIntent, queueLinkSync } from '../../adapters/delivery/link-sync';
import type { LinkIntent } from '../../adapters/storage/epic-link-store';
import { markBoardChanged } from '../../adapters/storage/roadmap-store';
import { inBatches } from '../../adapters/concurrency';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { adminCall, adminRead } from './admin-call';
import { say, sayCoded } from '../../i18n/server-texts';

type Value = Record<string, unknown>;

export const exportData = adminRead(async ({ jira }) => {
  const projects = await knownProjects(jira);
  const [site, perProject] = await Promise.all([
    readSiteRecords(),
    mapWithConcurrency(projects, 4, async (project) => ({ project, records: await readProjectRecords(project.id) })),
  ]);
  const withData = perProject.filter((entry) => entry.records.length > 0);
  const records: Partial<Record<ExportedKind, ExportedRecord[]>> = {};
  for (const record of [...site, ...withData.flatMap((entry) => entry.records)]) {
    (records[record.kind as ExportedKind] ??= []).push({ key: record.key, value: record.value });
  }
  for (const list of Object.values(records)) list.sort((a, b) => a.key.localeCompare(b.key));
  const exportedAt = nowIso();
  const file: ExportFile & { site: boolean } = {
    format: exportFormat,
    formatVersion: exportFormatVersion,
    exportedAt,
    site: true,
    projects: withData.map(({ project }) => ({ id: project.id, key: project.key })),
    records,
  };
  return ok({ fileName: `throughline-export-${todayOf(exportedAt)}.json`, data: file });
});

export const previewImport = adminCall('previewImport', async ({ jira, payload }) => {
  const prepared = await prepareImport(jira, payload);
  return prepared.ok ? ok(prepared.value.summary) : prepared;
}, { writes: false });

export const applyImport = adminCall('applyImport', async ({ jira, accountId, payload }) => {
  if (await importInProgress()) return fail('conflict', say('admin.importRunning'));
  const prepared = await prepareImport(jira, payload);
  if (!prepared.ok) return prepared;
  const { plan, stored, summary } = prepared.value;
  if (summary.planId !== payload.planId) {
    return fail('conflict', say('admin.importChanged'));
  }
  // The epics whose links change get a link-sync intent each 25, written with the import (all or
  // nothing), so their Jira properties follow even if this invocation ends right after it.
  const now = nowIso();
  const intents = linkIntentsFor(plan.writes, stored, now);
  // Its transactions are many: a roadmap being paged meanwhile must load again (roadmap-pages.ts).
  const boardsChanged = () => Promise.all(summary.projects.map((project) => markBoardChanged(project.id)));
  await boardsChanged();
  try {
    await applyAllOrNothing({ writes: [...plan.writes, ...intents.map((intent) => ({ kind: 'link-sync', key: intent.id, value: intent.record as unknown as Value }))], removals: plan.removals, before: stored, by: accountId, at: now });
  } catch (error) {
    // Undone or not, the boards moved meanwhile; storage failing now must not hide why the import failed.
    await boardsChanged().catch(() => undefined);
    if (error instanceof ImportUndoFailed) {
      return fail('storage-unavailable', say('admin.importUndoPending', { remaining: error.remaining }));
    }
    return fail('storage-unavailable', say('admin.importRolledBack'));
  }
  await boardsChanged();
  return ok(intents.length > 0 ? { ...summary, epicLinks: await restoreEpicProperties(jira, intents) } : summary);
}, { writes: true });

/** The file checked whole, its projects checked against this site, and what applying it would do. */
async function prepareImport(
  jira: JiraClient,
  request: ImportRequest,
): Promise<Outcome<{ plan: ReturnType<typeof planImport<Value>>; stored: Array<PlannedWrite<Value>>; summary: ImportSummary }>> {
  const { data } = request;
  const parsed = parseExportFile(data);
  if (!parsed.ok) return fail('invalid', sayCoded(parsed.problem.message), 'data');
  const file = parsed.file;
  const replacesSiteSettings = typeof data === 'object' && data !== null && (data as { site?: unknown }).site === true;
  const siteRecords = [...(file.records.settings ?? []), ...(file.records['story-point-setting'] ?? []).filter((record) => record.key === siteKey)];
  if (!replacesSiteSettings && siteRecords.length > 0) return fail('invalid', say('admin.siteSettingsUndeclared'), 'data');

  const inFile = new Set(file.projects.map((project) => project.id));
  const notInFile = (request.projectIds ?? []).find((id) => !inFile.has(id));
  if (notInFile) return fail('invalid', say('admin.projectNotInFile', { id: notInFile }), 'projectIds');
  const selected = new Set(request.projectIds ?? inFile);
  const here = new Map((await administeredProjects(jira)).map((project) => [project.id, project]));
  const missing = file.projects.find((project) => selected.has(project.id) && !here.has(project.id));
  if (missing) {
    return fail('invalid', say('admin.projectNotHere', { key: missing.key ?? missing.id, id: missing.id }), 'data');
  }
  const scope = file.projects.filter((project) => selected.has(project.id));

  // Records the import derives (a missing count record, an epic's cleared links) are stamped with
  // the file's export time, not the clock: the preview and the apply must plan identical writes.
  const stamp = file.exportedAt;
  const wanted = exportedKinds
    .flatMap((kind) => (file.records[kind] ?? []).map((record) => ({ kind: kind as string, key: record.key, value: record.value })))
    .filter((record) => recordProject(record) === undefined || selected.has(recordProject(record) as string));
  const { records: fileRecords, corrections } = normaliseImport(wanted, stamp);

  const storedPerProject = await mapWithConcurrency(scope, 4, (project) => readProjectRecords(project.id));
  const stored = [...(replacesSiteSettings ? await readSiteRecords() : []), ...storedPerProject.flat()];
  const foreign = await recordsOfOtherProjects(fileRecords, stored);
  if (foreign) return fail('invalid', foreign, 'data');

  const plan = withoutLinkRemovals(planImport({ kindOrder: exportedKinds, file: fileRecords, stored }), stored, stamp);
  const summary: ImportSummary = {
    formatVersion: file.formatVersion,
    exportedAt: file.exportedAt,
    projects: scope.map((project) => ({ id: project.id, key: here.get(project.id)?.key ?? project.key })),
    skippedProjects: file.projects.filter((project) => !selected.has(project.id)).map((project) => ({ id: project.id, ...(project.key ? { key: project.key } : {}) })),
    kinds: plan.kinds,
    replacesSiteSettings,
    operations: plan.writes.length + plan.removals.length,
    corrections,
    planId: planIdOf(plan, stored),
  };
  return ok({ plan, stored, summary });
}

/** Epics whose properties an import may write while the admin waits; the queue's consumer does the rest. */
const epicsRestoredInCall = 50;
const epicsPerIntent = 25;

/** One intent per 25 epics of a project whose links the import changes. */
function linkIntentsFor(writes: ReadonlyArray<PlannedWrite<Value>>, stored: ReadonlyArray<PlannedWrite<Value>>, now: string): LinkIntent[] {
  const storedLinks = new Map(stored.filter((record) => record.kind === 'epic-link').map((record) => [record.key, record.value]));
  const byProject = new Map<string, string[]>();
  for (const write of writes) {
    if (write.kind !== 'epic-link') continue;
    const before = storedLinks.get(write.key);
    if (before && sameJson(before, write.value)) continue;
    const projectId = String(write.value.projectId);
    byProject.set(projectId, [...(byProject.get(projectId) ?? []), write.key]);
  }
  return [...byProject].flatMap(([projectId, epicIds]) => inBatches(epicIds, epicsPerIntent).map((batch) => newLinkIntent(projectId, batch, 'rebuild', now)));
}

/**
 * Writes the imported links to the epics' properties as the admin (Jira checks Edit Issues on each),
 * the first `epicsRestoredInCall` of them now; everything else, and whatever Jira did not take, is
 * finished by the link-sync queue as the app.
 */
async function restoreEpicProperties(jira: JiraClient, intents: readonly LinkIntent[]): Promise<NonNullable<ImportSummary['epicLinks']>> {
  let restored = 0;
  let pending = 0;
  const refused: string[] = [];
  let budget = epicsRestoredInCall;
  for (const intent of intents) {
    if (budget <= 0) {
      await queueLinkSync(intent.id);
      pending += intent.record.epicIds.length;
      continue;
    }
    budget -= intent.record.epicIds.length;
    const pass = await carryLinkChange(jira, intent.id);
    restored += pass.agreed.length;
    refused.push(...pass.refused);
    pending += pass.pending.length - pass.refused.length;
  }
  return { restored, pending: Math.max(0, pending), refused };
}

/** The project a file record belongs to; undefined for the site's own records. */
function recordProject(record: { kind: string; key: string; value: Value }): string | undefined {
  if (record.kind === 'settings') return undefined;
  if (record.kind === 'story-point-setting') return record.key === siteKey ? undefined : record.key;
  if (perProjectKinds.has(record.kind as never)) return record.key;
  return typeof record.value.projectId === 'string' ? record.value.projectId : undefined;
}

/**
 * Keys are global in Forge storage, not per project: a file whose goal key is another project's
 * goal would move that goal here. Every key the import writes must be absent or already one of
 * the import's own scope.
 */
async function recordsOfOtherProjects(fileRecords: ReadonlyArray<PlannedWrite<Value>>, stored: ReadonlyArray<PlannedWrite<Value>>): Promise<string | undefined> {
  const inScope = new Set(stored.map((record) => `${record.kind}\u0000${record.key}`));
  const elsewhere = fileRecords.filter((record) => !inScope.has(`${record.kind}\u0000${record.key}`));
  const clash = (await readRecords(elsewhere))[0];
  if (!clash) return undefined;
  const owner = recordProject(clash);
  return owner ? say('admin.recordElsewhere', { kind: clash.kind, key: clash.key, owner }) : say('admin.recordExists', { kind: clash.kind, key: clash.key });
}

/**
 * An epic whose links the scope holds but the file lacks keeps a record saying "no links" rather
 * than none: with no record, the link sync would take the epic's (old) property as the only copy
 * and store it again, and the import's removal would never reach Jira.
 */
function withoutLinkRemovals(plan: ReturnType<typeof planImport<Value>>, stored: ReadonlyArray<PlannedWrite<Value>>, stamp: string): ReturnType<typeof planImport<Value>> {
  const cleared = plan.removals.filter((removal) => removal.kind === 'epic-link');
  if (cleared.length === 0) return plan;
  const storedValue = new Map(stored.filter((record) => record.kind === 'epic-link').map((record) => [record.key, record.value]));
  const emptied = cleared.map((removal) => {
    const before = storedValue.get(removal.key) ?? {};
    return { kind: 'epic-link', key: removal.key, value: { projectId: before.projectId, directGoalIds: [], roadmapItemIds: [], version: Number(before.version ?? 0) + 1, updatedAt: stamp } as Value };
  });
  return { ...plan, writes: [...plan.writes, ...emptied], removals: plan.removals.filter((removal) => removal.kind !== 'epic-link') };
}

/** A fingerprint of what applying would do and of what it would replace. */
function planIdOf(plan: ReturnType<typeof planImport<Value>>, stored: ReadonlyArray<PlannedWrite<Value>>): string {
  return createHash('sha256').update(canonicalJson({ writes: plan.writes, removals: plan.removals, stored })).digest('hex');
}

/**
 * The projects the admin administers (every project, for a Jira admin). Data left behind by a
 * project deleted from Jira is not exported: it could not be imported into any project either.
 */
async function knownProjects(jira: JiraClient): Promise<Array<{ id: string; key: string }>> {
  return (await administeredProjects(jira)).map((project) => ({ id: project.id, key: project.key }));
}
