import type { SiteSpec } from './spec';

/**
 * The web and mobile teams' release train: a scrum board located in THR whose filter is
 * `project in (THR, MOB)`. Jira lists it under both projects (`/board?projectKeyOrId=` finds boards
 * whose filter references the project), so its sprint shows on both timelines. The sprint is
 * planned, undated and has no goal (the agile API answers `goal: null`).
 */
export const RELEASE_TRAIN: NonNullable<SiteSpec['crossProjectBoards']>[number] = {
  board: { id: 6, name: 'Thrive release train', type: 'scrum', projectId: '10000', filterProjectIds: ['10000', '10001'] },
  sprints: [{ name: 'Release train 1', state: 'future' }],
};
