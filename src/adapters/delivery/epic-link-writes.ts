/**
 * Writing an epic's links: the property on the epic (as the client's actor, so Jira checks Edit
 * Issues), then the roadmap's cached card of that epic, which Jira's delta search would not update,
 * and the list of recent link writes, which link searches reconcile because Jira's search index
 * shows a write only seconds to minutes later.
 */
import { hasLinks, noLinks } from '../../domain/epic-links';
import type { EpicLinks } from '../../domain/epic-links';
import { nowIso } from '../clock';
import type { JiraClient } from '../jira/client';
import { writeEpicLinks } from '../jira/epic-links';
import { rememberEpicLinks } from '../storage/project-cache';
import { rememberLinkWrites } from './recent-link-writes';

export async function saveEpicLinks(jira: JiraClient, epicId: string, links: EpicLinks): Promise<void> {
  await writeEpicLinks(jira, epicId, links);
  // Without links the property is deleted, and Jira then reads as no links at version 0: the card
  // must say the same, or the next link from it would carry a version Jira no longer has.
  await Promise.all([rememberEpicLinks(epicId, hasLinks(links) ? links : noLinks()), rememberLinkWrites([epicId], nowIso())]);
}
