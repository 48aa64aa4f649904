import type { EntityPropertyIndex, ProjectPermissionKey, SimBoard, SimProject, SimSprint } from '../jira/model';
import type { ProjectIssueTypes } from './catalog';

/** What the generator needs to know about one project; everything else is derived, seeded. */
export interface ProjectSpec {
  project: Omit<SimProject, 'issueTypeIds'>;
  issueTypes: ProjectIssueTypes;
  /** Team-managed projects have their own, project-scoped issue types. */
  scopedIssueTypes: boolean;
  /** The field this project's issues carry their estimate in; none = never estimated. */
  storyPointField?: string;
  /** The first board with sprints (scrum, or `simple` with sprints on) is where the project's sprints are created (their `originBoardId`). */
  boards: Array<Omit<SimBoard, 'projectId'>>;
  /** Two-week sprints: `closed` of them before the active one, `future` after it. Kanban-only projects have none. */
  sprints?: { closed: number; future: number; firstNumber: number; activeStart: string };
  epics: string[];
  childrenPerEpic: { min: number; max: number };
  /** Share of children (stories, tasks, bugs) that carry an estimate. */
  estimatedShare: number;
  team: string[];
  labels: string[];
}

export interface SiteSpec {
  seed: number;
  baseUrl: string;
  cloudId: string;
  now: string;
  projects: ProjectSpec[];
  /** How many standard issues get one to three subtasks. */
  subtaskParents: number;
  entityPropertyIndexes: EntityPropertyIndex[];
  /** Boards whose filter spans projects, with the sprints created on them; added after every project's own. */
  crossProjectBoards?: Array<{ board: SimBoard; sprints: Array<Omit<SimSprint, 'id' | 'boardId'>> }>;
}

export const ALL_PROJECT_PERMISSIONS: ProjectPermissionKey[] = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'ADMINISTER_PROJECTS',
  'ADD_COMMENTS',
];
export const CONTRIBUTOR: ProjectPermissionKey[] = ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADD_COMMENTS'];
export const VIEWER: ProjectPermissionKey[] = ['BROWSE_PROJECTS'];
