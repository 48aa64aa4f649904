/**
 * Site-wide settings. Until the admin page exists nobody changes them through the UI; they still
 * live in storage, so the page that follows only has to write here.
 */
import type { EditRule } from '../../contract';
import { entities, entityNames } from './entities';
import { commit, isAbsent, versionIs } from './writes';
import type { Commit } from './writes';

const settingsKey = 'site';

/** Project administrators edit products unless a Jira admin widened it. */
export const defaultEditRule: EditRule = 'project-admins';

export async function loadEditRule(): Promise<{ editRule: EditRule; version: number }> {
  const settings = await entities.settings.get(settingsKey);
  return settings ? { editRule: settings.editRule, version: settings.version } : { editRule: defaultEditRule, version: 0 };
}

export async function saveEditRule(options: { editRule: EditRule; baseVersion: number; by: string; at: string }): Promise<Commit> {
  return commit((transaction) =>
    transaction.set(
      settingsKey,
      { editRule: options.editRule, version: options.baseVersion + 1, updatedAt: options.at, updatedBy: options.by },
      { entityName: entityNames.settings, conditions: options.baseVersion === 0 ? isAbsent() : versionIs(options.baseVersion) },
    ),
  );
}
