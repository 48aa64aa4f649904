/**
 * The admin page's settings: the site's edit rule, the story-point field (site-wide or per
 * project, over detection) and the boards that supply each project's sprints. Every save is
 * version-checked: a stale one answers `conflict` with the setting as it is now.
 */
import type { AdminProjectSettings, AdminSettings, EditRule, ProjectRef } from '../../contract';
import { chooseStoryPointField } from '../../domain/story-point-field';
import { nowIso } from '../../adapters/clock';
import { boardsOfProject, mayHaveSprints } from '../../adapters/jira/agile';
import type { JiraClient } from '../../adapters/jira/client';
import { JiraError } from '../../adapters/jira/errors';
import { getProject } from '../../adapters/jira/projects';
import { administeredProjects, customNumberFields } from '../../adapters/jira/site-admin';
import { readEstimationSetup } from '../../adapters/jira/story-points';
import { readProjectShape, writeProjectShape } from '../../adapters/storage/project-cache';
import { loadEditRule, saveEditRule as storeEditRule } from '../../adapters/storage/settings-store';
import { loadSprintBoards, saveSprintBoards as storeSprintBoards } from '../../adapters/storage/sprint-board-setting';
import { isStorageOutage } from '../../adapters/storage/storage-outage';
import { readStoryPointSetting, saveStoryPointSetting } from '../../adapters/storage/story-point-setting';
import type { OverrideScope } from '../../adapters/storage/story-point-setting';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { adminCall, adminRead } from './admin-call';
import { say, sayCoded } from '../../i18n/server-texts';

export const getAdminSettings = adminRead(async ({ jira, context, undoneImport, unfinishedImport }) => {
  const [rule, site, numberFields, projects] = await Promise.all([
    loadEditRule(),
    readStoryPointSetting({ kind: 'site' }),
    customNumberFields(jira),
    administeredProjects(jira),
  ]);
  const settings: AdminSettings = {
    editRule: { rule: rule.editRule, version: rule.version },
    siteStoryPoints: site,
    numberFields,
    projects,
    ...(undoneImport ? { undoneImport } : {}),
    ...(unfinishedImport ? { unfinishedImport } : {}),
    viewer: { licensed: context.licensed },
  };
  return ok(settings);
});

export const getAdminProjectSettings = adminCall(
  'getAdminProjectSettings',
  async ({ jira, payload }) => {
    const project = await projectOf(jira, payload.projectId);
    if (!project.ok) return project;
    return ok(await projectSettings(jira, project.value));
  },
  { writes: false },
);

export const saveEditRule = adminCall(
  'saveEditRule',
  async ({ accountId, payload }) => {
    const outcome = await storeEditRule({ editRule: payload.rule as EditRule, baseVersion: payload.baseVersion, by: accountId, at: nowIso() });
    if (outcome === 'conflict') {
      const now = await loadEditRule();
      const current = { rule: now.editRule, version: now.version };
      return { ok: false, error: { code: 'conflict', message: say('admin.editRuleChanged'), current } };
    }
    // Built from what was written, never from a read that could fail after the save (issue 9).
    return ok({ rule: payload.rule as EditRule, version: payload.baseVersion + 1 });
  },
  { writes: true },
);

export const saveStoryPointOverride = adminCall(
  'saveStoryPointOverride',
  async ({ jira, accountId, payload }) => {
    if (payload.projectId !== null) {
      const project = await projectOf(jira, payload.projectId);
      if (!project.ok) return project;
    }
    if (payload.fieldId !== null) {
      const fields = await customNumberFields(jira);
      if (!fields.some((field) => field.id === payload.fieldId)) return fail('invalid', say('admin.chooseNumberField'), 'fieldId');
    }
    const scope: OverrideScope = payload.projectId === null ? { kind: 'site' } : { kind: 'project', projectId: payload.projectId };
    const outcome = await saveStoryPointSetting({ scope, fieldId: payload.fieldId ?? undefined, baseVersion: payload.baseVersion, by: accountId, at: nowIso() });
    if (outcome === 'conflict') {
      const current = await readStoryPointSetting(scope);
      return { ok: false, error: { code: 'conflict', message: say('admin.storyPointsChanged'), current } };
    }
    // Built from what was written, never from a read that could fail after the save (issue 9).
    return ok({ ...(payload.fieldId ? { fieldId: payload.fieldId } : {}), version: payload.baseVersion + 1 });
  },
  { writes: true },
);

export const saveSprintBoards = adminCall(
  'saveSprintBoards',
  async ({ jira, accountId, payload }) => {
    const project = await projectOf(jira, payload.projectId);
    if (!project.ok) return project;
    if (payload.boardIds !== null) {
      const { boards } = await projectSettings(jira, project.value);
      // Team-managed boards may run sprints too; one with sprints off simply supplies none.
      const withSprints = new Set(boards.filter(mayHaveSprints).map((board) => board.id));
      if (payload.boardIds.length === 0) return fail('invalid', say('admin.chooseBoard'), 'boardIds');
      if (payload.boardIds.some((id) => !withSprints.has(id))) return fail('invalid', say('admin.scrumBoardsOnly'), 'boardIds');
    }
    const boardIds = payload.boardIds === null ? undefined : [...new Set(payload.boardIds)].sort((a, b) => a - b);
    const outcome = await storeSprintBoards({ projectId: payload.projectId, boardIds, baseVersion: payload.baseVersion, by: accountId, at: nowIso() });
    if (outcome === 'conflict') {
      const current = await loadSprintBoards(payload.projectId);
      return { ok: false, error: { code: 'conflict', message: say('admin.sprintBoardsChanged'), current } };
    }
    await forgetCachedSprints(payload.projectId);
    // Built from what was written, never from a read that could fail after the save (issue 9).
    return ok({ ...(boardIds ? { boardIds } : {}), version: payload.baseVersion + 1 });
  },
  { writes: true },
);

/** The project as Jira shows it to the admin; an id Jira does not know is `not-found`. */
async function projectOf(jira: JiraClient, projectId: string): Promise<Outcome<ProjectRef>> {
  try {
    const project = await getProject(jira, projectId);
    return ok({ id: project.id, key: project.key, name: project.name });
  } catch (error) {
    if (error instanceof JiraError && (error.kind === 'not-found' || error.kind === 'forbidden')) return fail('not-found', say('admin.noSuchProject'), 'projectId');
    throw error;
  }
}

async function projectSettings(jira: JiraClient, project: ProjectRef): Promise<AdminProjectSettings> {
  const jiraBoards = await boardsOfProject(jira, project.id);
  const boards = jiraBoards.map((board) => ({ id: board.id, name: board.name, type: board.type }));
  const [setup, own, site, sprintBoards] = await Promise.all([
    readEstimationSetup(jira, { projectId: project.id, boards: jiraBoards }),
    readStoryPointSetting({ kind: 'project', projectId: project.id }),
    readStoryPointSetting({ kind: 'site' }),
    loadSprintBoards(project.id),
  ]);
  const override = own.fieldId ?? site.fieldId;
  const choice = chooseStoryPointField({ fields: setup.fields, style: setup.style, boardEstimationFieldIds: setup.boardEstimationFieldIds, ...(override ? { override } : {}) });
  return {
    project,
    storyPoints: {
      effective: choice.ok ? { fieldId: choice.fieldId, name: choice.name, source: choice.source } : { message: sayCoded(choice.message) },
      override: own,
      ...(site.fieldId ? { siteFieldId: site.fieldId } : {}),
      ...(choice.ignoredOverride ? { ignoredOverride: choice.ignoredOverride } : {}),
    },
    boards,
    sprintBoards,
  };
}

/** The roadmap keeps a project's sprints for a few minutes: marked stale, its next load reads the new boards' sprints. */
async function forgetCachedSprints(projectId: string): Promise<void> {
  try {
    const shape = await readProjectShape(projectId);
    if (shape) await writeProjectShape({ ...shape, shapeAt: new Date(0).toISOString() });
  } catch (error) {
    // The boards are saved: storage failing now only leaves the old sprints shown until the cache
    // expires by itself, which must not turn the saved change into a "failed" reply (issue 9).
    if (!isStorageOutage(error)) throw error;
  }
}
