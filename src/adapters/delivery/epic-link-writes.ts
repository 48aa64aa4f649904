/**
 * Writing an epic's links: the property on the epic (as the client's actor, so Jira checks Edit
 * Issues), then the roadmap's cached card of that epic, which Jira's delta search would not update.
 */
import type { EpicLinks } from '../../domain/epic-links';
import type { JiraClient } from '../jira/client';
import { writeEpicLinks } from '../jira/epic-links';
import { rememberEpicLinks } from '../storage/project-cache';

export async function saveEpicLinks(jira: JiraClient, epicId: string, links: EpicLinks): Promise<void> {
  await writeEpicLinks(jira, epicId, links);
  await rememberEpicLinks(epicId, links);
}
