/**
 * Export and import of the app's data (format: src/validation/import-format.ts). An import is
 * validated whole, previewed as a dry run, then applied all or nothing
 * (src/adapters/storage/app-data.ts says how, across 25-operation transactions).
 */
import type { ImportSummary } from '../../contract';
import { planImport } from '../../domain/import-plan';
import type { PlannedWrite } from '../../domain/import-plan';
import { nowIso, todayOf } from '../../adapters/clock';
import { mapWithConcurrency } from '../../adapters/concurrency';
import type { JiraClient } from '../../adapters/jira/client';
import { administeredProjects } from '../../adapters/jira/site-admin';
import { applyAllOrNothing, importInProgress, readProjectRecords, readSiteRecords } from '../../adapters/storage/app-data';
import { exportFormat, exportFormatVersion, exportedKinds, parseExportFile } from '../../validation/import-format';
import type { ExportFile, ExportedKind, ExportedRecord } from '../../validation/import-format';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { adminCall, adminRead } from './admin-call';

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
  const prepared = await prepareImport(jira, payload.data);
  return prepared.ok ? ok(prepared.value.summary) : prepared;
}, { writes: false });

export const applyImport = adminCall('applyImport', async ({ jira, accountId, payload }) => {
  if (await importInProgress()) return fail('conflict', 'Another import is running right now. Wait a minute, then preview again.');
  const prepared = await prepareImport(jira, payload.data);
  if (!prepared.ok) return prepared;
  const { plan, stored, summary } = prepared.value;
  await applyAllOrNothing({ writes: plan.writes, removals: plan.removals, before: stored, by: accountId, at: nowIso() });
  return ok(summary);
}, { writes: true });

/** The file checked whole, its projects checked against this site, and what applying it would do. */
async function prepareImport(jira: JiraClient, data: unknown): Promise<Outcome<{ plan: ReturnType<typeof planImport<Value>>; stored: Array<PlannedWrite<Value>>; summary: ImportSummary }>> {
  const parsed = parseExportFile(data);
  if (!parsed.ok) return fail('invalid', parsed.problem.message, 'data');
  const file = parsed.file;
  const replacesSiteSettings = typeof data === 'object' && data !== null && (data as { site?: unknown }).site === true;
  const siteRecords = [...(file.records.settings ?? []), ...(file.records['story-point-setting'] ?? []).filter((record) => record.key === 'site')];
  if (!replacesSiteSettings && siteRecords.length > 0) return fail('invalid', 'The file has site settings but does not say it replaces them ("site": true).', 'data');

  const here = new Map((await administeredProjects(jira)).map((project) => [project.id, project]));
  const missing = file.projects.find((project) => !here.has(project.id));
  if (missing) {
    return fail('invalid', `Project ${missing.key ?? missing.id} (id ${missing.id}) is not a project of this site that you administer. Imports restore data into the same site's projects.`, 'data');
  }

  const storedPerProject = await mapWithConcurrency(file.projects, 4, (project) => readProjectRecords(project.id));
  const stored = [...(replacesSiteSettings ? await readSiteRecords() : []), ...storedPerProject.flat()];
  const fileRecords: Array<PlannedWrite<Value>> = exportedKinds.flatMap((kind) => (file.records[kind] ?? []).map((record) => ({ kind, key: record.key, value: record.value })));
  const plan = planImport({ kindOrder: exportedKinds, file: fileRecords, stored });
  const summary: ImportSummary = {
    formatVersion: file.formatVersion,
    exportedAt: file.exportedAt,
    projects: file.projects.map((project) => ({ id: project.id, key: here.get(project.id)?.key ?? project.key })),
    kinds: plan.kinds,
    replacesSiteSettings,
    operations: plan.writes.length + plan.removals.length,
  };
  return ok({ plan, stored, summary });
}

/**
 * The projects the admin administers (every project, for a Jira admin). Data left behind by a
 * project deleted from Jira is not exported: it could not be imported into any project either.
 */
async function knownProjects(jira: JiraClient): Promise<Array<{ id: string; key: string }>> {
  return (await administeredProjects(jira)).map((project) => ({ id: project.id, key: project.key }));
}
