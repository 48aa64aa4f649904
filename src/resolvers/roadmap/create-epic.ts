/**
 * Creating an epic from a roadmap item, linked to it. Who may: the product's edit rule (it changes
 * what delivers the item) and Jira's Create Issues in the project, both asked as the user; Jira
 * checks Create Issues again on the create itself.
 *
 * The link must survive every failure after the create, because the epic then exists in Jira and
 * the reply must not say "failed". So the link travels WITH the create: the epic is created with
 * its `throughline-links` property already set (IssueUpdateDetails.properties, one write), and is
 * linked in Jira from its first moment. Storage then records the link (the source of truth):
 * - the epic read back agrees with what storage will say: the record is stored over nothing, as
 *   any epic linked outside storage is adopted (link-sync.ts);
 * - it does not, or could not be read: the record goes with a link-sync intent, written as the user
 *   now and by the queue later (the same path as every link change: link-change.ts);
 * - storage fails: the property still names the item, so every read (which falls back to the
 *   property for an epic storage lacks) shows the link, and the next change adopts it.
 * Jira's search index shows a new issue seconds to minutes later; the epic is remembered as a
 * recent link write, so the roadmap's and the links' searches reconcile it and show it at once.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post
 * @see https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/
 */
import type { AppError, CreatedEpic, Failure, RoadmapEpic } from '../../contract';
import { nowIso } from '../../adapters/clock';
import { carryLinkChange, linkTargets, newLinkIntent } from '../../adapters/delivery/link-sync';
import { rememberLinkWrites } from '../../adapters/delivery/recent-link-writes';
import { getEpic } from '../../adapters/jira/epic-links';
import type { LinkedJiraEpic } from '../../adapters/jira/epic-links';
import { JiraError } from '../../adapters/jira/errors';
import { createFields, createIssue, creatableIssueTypes, missingRequiredFields } from '../../adapters/jira/issue-create';
import { myProjectPermissions } from '../../adapters/jira/projects';
import { adoptLinks, commitLinkChange } from '../../adapters/storage/epic-link-store';
import type { EpicLinkRecord } from '../../adapters/storage/epic-link-store';
import { itemOf } from '../../adapters/storage/roadmap-store';
import { isStorageOutage } from '../../adapters/storage/storage-outage';
import { epicLinksPropertyKey } from '../../domain/epic-links';
import type { EpicLinks } from '../../domain/epic-links';
import { derivedLinks, propertyAgrees } from '../../domain/link-sync';
import { editorCall } from '../calls';
import { notFound } from '../failures';
import { fail, ok } from '../results';
import { epicStatus } from './views';
import { say, sayList } from '../../i18n/server-texts';

/** What the app's form fills: Jira's other required fields must have a default, or the form cannot create. */
const suppliedFields = new Set(['project', 'issuetype', 'summary', 'description']);

export const createEpicFromItem = editorCall('createEpicFromItem', async ({ jira, access, projectId, payload }) => {
  const [permissions, item] = await Promise.all([myProjectPermissions(jira, projectId, ['CREATE_ISSUES']), itemOf(projectId, payload.itemId)]);
  if (!permissions.has('CREATE_ISSUES')) {
    return fail('forbidden', say('roadmap.cannotCreateIssues', { project: access.project.key }));
  }
  if (!item) return notFound('item');

  const types = await creatableIssueTypes(jira, projectId);
  const epicType = types.find((type) => type.hierarchyLevel === 1);
  if (!epicType) return fail('invalid', say('roadmap.noEpicType', { project: access.project.key }), 'itemId');
  const missing = missingRequiredFields(await createFields(jira, projectId, epicType.id), suppliedFields);
  if (missing.length > 0) return requiredFieldsMissing(access.project.key, missing);

  const now = nowIso();
  const targets = await linkTargets(projectId);
  const record: EpicLinkRecord = { projectId, directGoalIds: [], roadmapItemIds: [item.id], version: 1, updatedAt: now };
  const property = derivedLinks(record, targets);
  const summary = payload.summary ?? item.title;

  let created: { id: string; key: string };
  try {
    created = await createIssue(jira, {
      projectId,
      issueTypeId: epicType.id,
      summary,
      ...(payload.description ? { description: payload.description } : {}),
      properties: [{ key: epicLinksPropertyKey, value: property }],
    });
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'bad-request') {
      return fail('invalid', say('roadmap.epicNotCreated', { reason: error.messages.join(' ') || say('roadmap.epicRefused') }), 'summary');
    }
    throw error;
  }

  // The epic exists from here on: whatever fails next, the answer is the epic, never a failure.
  const recorded = await recordLink(jira, projectId, created.id, record, property, now);
  const epic: RoadmapEpic = {
    id: created.id,
    key: created.key,
    summary: recorded.epic?.summary ?? summary,
    status: recorded.epic ? epicStatus(recorded.epic) : { name: 'To Do', category: 'todo' as const },
    goalIds: property.goalIds,
    directGoalIds: property.directGoalIds,
    roadmapItemIds: property.roadmapItemIds,
    linksVersion: property.version,
    ...(recorded.pending ? { sync: 'pending' as const } : {}),
  };
  return ok<CreatedEpic>({ itemId: item.id, epic });
});

/**
 * Stores the new epic's link, and remembers the epic for search reconciliation. Never throws:
 * `pending` says the property may not agree with storage yet (the queue carries it).
 */
async function recordLink(
  jira: Parameters<typeof getEpic>[0],
  projectId: string,
  epicId: string,
  record: EpicLinkRecord,
  property: EpicLinks,
  now: string,
): Promise<{ epic?: LinkedJiraEpic; pending: boolean }> {
  let epic: LinkedJiraEpic | undefined;
  try {
    epic = await getEpic(jira, epicId);
  } catch (error) {
    console.warn(`Created epic ${epicId}: reading it back failed (${describe(error)}); its link goes through the sync queue`);
  }
  let pending = false;
  const agrees = epic !== undefined && propertyAgrees(epic.links, property);
  const intent = newLinkIntent(projectId, [epicId], 'link', now);
  // Stored over nothing (the epic is new), so a second try after a storage blip cannot store it twice.
  const store = () => (agrees ? adoptLinks(epicId, record) : commitLinkChange(intent, [{ epicId, read: undefined, next: record }]));
  try {
    try {
      await store();
    } catch (error) {
      if (!isStorageOutage(error)) throw error;
      await store();
    }
    if (!agrees) {
      const pass = await carryLinkChange(jira, intent.id);
      pending = pass.pending.includes(epicId) || pass.refused.includes(epicId);
    }
  } catch (error) {
    // Storage failed after the create: the property set with the epic holds the link; reads fall back to it.
    console.warn(`Created epic ${epicId}: storing its link failed (${describe(error)}); its property holds the link`);
    pending = epic === undefined;
  }
  try {
    await rememberLinkWrites([epicId], now);
  } catch (error) {
    console.warn(`Created epic ${epicId}: remembering it for search reconciliation failed (${describe(error)})`);
  }
  return { ...(epic ? { epic } : {}), pending };
}

function requiredFieldsMissing(projectKey: string, missing: ReadonlyArray<{ fieldId: string; name: string }>): Failure<never> {
  const names = missing.map((field) => field.name);
  const error: AppError = {
    code: 'invalid',
    message: say('roadmap.requiredFields', { fields: sayList(names), project: projectKey, count: names.length }),
    field: 'requiredFields',
    requiredFields: missing.map((field) => ({ id: field.fieldId, name: field.name })),
  };
  return { ok: false, error };
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
