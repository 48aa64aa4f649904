/**
 * One rule for every change of epic links (roadmap, alignment, epic panel): check, record, carry.
 * 1. Jira's Edit Issues on each epic, asked as the user before anything is stored: an epic they may
 *    not edit is refused with nothing changed.
 * 2. The epics' new links and the intent to carry them to Jira, in one storage transaction, over the
 *    versions read: a concurrent writer makes it a conflict, never a lost link.
 * 3. The epics' properties written as the user right away; what Jira did not take yet (5xx, 429
 *    storms) goes to the `epic-link-sync` queue, and the reply says which epics are still syncing.
 */
import { inBatches } from '../../adapters/concurrency';
import { nowIso } from '../../adapters/clock';
import { carryLinkChange, linkTargets, newLinkIntent } from '../../adapters/delivery/link-sync';
import type { JiraClient } from '../../adapters/jira/client';
import type { LinkedJiraEpic } from '../../adapters/jira/epic-links';
import { mayEditIssue } from '../../adapters/jira/issue-permissions';
import { commitLinkChange, linkWritesPerTransaction, storedLinksOf } from '../../adapters/storage/epic-link-store';
import type { LinkWrite } from '../../adapters/storage/epic-link-store';
import type { EpicLinks } from '../../domain/epic-links';
import { derivedLinks } from '../../domain/link-sync';
import { stagingActivities } from '../../adapters/storage/activity-store';
import { maxTransactionOperations } from '../../adapters/storage/writes';
import { epicLinkActivities } from '../feed/activities';
import type { LinkSyncState, StoredLinks } from '../../domain/link-sync';
import { say } from '../../i18n/server-texts';

/** What one epic should be linked to after the change, from what it is linked to now. */
export type LinkEdit = (current: StoredLinks) => { directGoalIds: string[]; roadmapItemIds: string[] };

export interface LinkRequest {
  epic: Pick<LinkedJiraEpic, 'id' | 'key' | 'links'>;
  /** The links version the user was shown. */
  expectedVersion: number;
  edit: LinkEdit;
}

export interface SavedLinks {
  epicId: string;
  links: EpicLinks;
  sync?: LinkSyncState;
}

export type LinkChangeOutcome =
  | { outcome: 'conflict'; key: string }
  | {
      outcome: 'saved';
      saved: SavedLinks[];
      /** Jira does not let the user edit these epics: nothing was changed on them. */
      refused: Array<{ epicId: string; key: string; message: string }>;
      /** Saved, and their property not written yet: the queue finishes it. */
      pendingEpicIds: string[];
    };

/** The links an epic has now: storage's record, or its property for an epic never linked through storage. */
export async function currentLinks(
  projectId: string,
  epics: ReadonlyArray<Pick<LinkedJiraEpic, 'id' | 'links'>>,
): Promise<Map<string, { links: StoredLinks; stored: boolean }>> {
  const stored = await storedLinksOf(
    projectId,
    epics.map((epic) => epic.id),
  );
  return new Map(epics.map((epic) => {
    const record = stored.get(epic.id);
    return [epic.id, record ? { links: record, stored: true } : { links: epic.links, stored: false }];
  }));
}

/** `actorAccountId`: who makes the change, for the feed (named when the feed is read). */
export async function changeEpicLinks(jira: JiraClient, projectId: string, requests: readonly LinkRequest[], actorAccountId?: string): Promise<LinkChangeOutcome> {
  const current = await currentLinks(
    projectId,
    requests.map((request) => request.epic),
  );
  for (const request of requests) {
    if (current.get(request.epic.id)?.links.version !== request.expectedVersion) return { outcome: 'conflict', key: request.epic.key };
  }

  const refused: Array<{ epicId: string; key: string; message: string }> = [];
  const allowed: LinkRequest[] = [];
  for (const batch of inBatches([...requests], 10)) {
    const answers = await Promise.all(batch.map((request) => mayEditIssue(jira, request.epic.id)));
    batch.forEach((request, n) => {
      if (answers[n]) allowed.push(request);
      else refused.push({ epicId: request.epic.id, key: request.epic.key, message: say('roadmap.epicNotEditable', { key: request.epic.key }) });
    });
  }

  // Read before committing: once the change is stored, the reply must not depend on another read.
  const targets = await linkTargets(projectId);
  const now = nowIso();
  const writes: LinkWrite[] = allowed.map((request) => {
    const { links: read, stored } = current.get(request.epic.id)!;
    const next = request.edit(read);
    return {
      epicId: request.epic.id,
      read: stored ? read.version : undefined,
      next: { projectId, directGoalIds: [...new Set(next.directGoalIds)].sort(), roadmapItemIds: [...new Set(next.roadmapItemIds)].sort(), version: read.version + 1, updatedAt: now },
    };
  });

  const committed: LinkWrite[] = [];
  const intents: string[] = [];
  for (const group of inBatches(writes, linkWritesPerTransaction)) {
    const intent = newLinkIntent(
      projectId,
      group.map((write) => write.epicId),
      'link',
      now,
    );
    const told = epicLinkActivities({
      projectId,
      at: now,
      ...(actorAccountId ? { by: { accountId: actorAccountId, displayName: '' } } : {}),
      changes: group.map((write) => ({ before: current.get(write.epicId)!.links, after: write.next })),
      titles: targets.titles,
      goalOfItem: targets.goalOfItem,
      room: maxTransactionOperations - group.length - 1,
    });
    if ((await commitLinkChange(intent, group, stagingActivities(...told))) === 'conflict') {
      // The first group failing changed nothing; a later one leaves the earlier groups saved.
      if (committed.length === 0) return { outcome: 'conflict', key: requests.find((request) => request.epic.id === group[0]?.epicId)?.epic.key ?? '' };
      for (const write of group) {
        const key = requests.find((request) => request.epic.id === write.epicId)?.epic.key ?? write.epicId;
        refused.push({ epicId: write.epicId, key, message: say('roadmap.epicLinksChangedMeanwhile', { key }) });
      }
      continue;
    }
    committed.push(...group);
    intents.push(intent.id);
  }

  const pending = new Set<string>();
  for (const intentId of intents) {
    const pass = await carryLinkChange(jira, intentId);
    for (const epicId of [...pass.pending, ...pass.refused]) pending.add(epicId);
  }
  return {
    outcome: 'saved',
    saved: committed.map((write) => ({
      epicId: write.epicId,
      links: derivedLinks(write.next, targets),
      ...(pending.has(write.epicId) ? { sync: 'pending' as const } : {}),
    })),
    refused,
    pendingEpicIds: [...pending],
  };
}
