/**
 * The admin's story-point field override (entity `settings`, keys `story-points.site` and
 * `story-points.<project id>`, see record-places.ts): one record for the site and one per project
 * that needs its own. A project's
 * own setting wins over the site's. An empty `fieldId` means "no override: detect".
 */
import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';
import { placeOf } from './record-places';

/** The export file's kind (format 1); stored in `settings`. */
export const storyPointSettingKind = 'story-point-setting';
const storyPointSettingEntity = placeOf(storyPointSettingKind, '').entityName;

interface StoryPointSettingValue {
  fieldId: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export type OverrideScope = { kind: 'site' } | { kind: 'project'; projectId: string };

export interface StoryPointOverride {
  /** The field to use, if an admin chose one for this project or the site. */
  fieldId?: string;
  /** Where it comes from. */
  scope?: 'project' | 'site';
}

const siteKey = 'site';
const keyOf = (scope: OverrideScope): string => storedKey(scope.kind === 'site' ? siteKey : scope.projectId);
const storedKey = (key: string): string => placeOf(storyPointSettingKind, key).key;

const setting = () => kvs.entity<StoryPointSettingValue>(storyPointSettingEntity);

/** The override that applies to a project: its own, else the site's, else none. One storage request. */
export async function loadStoryPointOverride(projectId: string): Promise<StoryPointOverride> {
  const result = await kvs.batchGet<StoryPointSettingValue>([
    { key: storedKey(projectId), entityName: storyPointSettingEntity },
    { key: storedKey(siteKey), entityName: storyPointSettingEntity },
  ]);
  const byKey = new Map(result.successfulKeys.map((item) => [item.key, item.value]));
  const own = byKey.get(storedKey(projectId))?.fieldId;
  if (own) return { fieldId: own, scope: 'project' };
  const site = byKey.get(storedKey(siteKey))?.fieldId;
  return site ? { fieldId: site, scope: 'site' } : {};
}

/** The stored setting of one scope as the admin page edits it (version 0 = never saved). */
export async function readStoryPointSetting(scope: OverrideScope): Promise<{ fieldId?: string; version: number }> {
  const value = await setting().get(keyOf(scope));
  return value ? { ...(value.fieldId ? { fieldId: value.fieldId } : {}), version: value.version } : { version: 0 };
}

/**
 * Sets (or with `fieldId: undefined` clears) a scope's override, only over the version the admin
 * saw. The next roll-up load notices the changed field and crawls the project afresh.
 */
export async function saveStoryPointSetting(options: {
  scope: OverrideScope;
  fieldId: string | undefined;
  baseVersion: number;
  by: string;
  at: string;
}): Promise<'committed' | 'conflict'> {
  const transaction = kvs.transact();
  transaction.set(
    keyOf(options.scope),
    { fieldId: options.fieldId ?? '', version: options.baseVersion + 1, updatedAt: options.at, updatedBy: options.by },
    {
      entityName: storyPointSettingEntity,
      conditions:
        options.baseVersion === 0
          ? new Filter<StoryPointSettingValue>().and('version', FilterConditions.notExists())
          : new Filter<StoryPointSettingValue>().and('version', FilterConditions.equalTo(options.baseVersion)),
    },
  );
  try {
    await transaction.execute();
    return 'committed';
  } catch (error) {
    if (error instanceof ForgeKvsAPIError && (error.code === 'CONDITIONAL_CHECK_FAILED' || error.responseDetails.status === 409)) return 'conflict';
    throw error;
  }
}
