/** Throughline's vocabulary, shared by the resolvers and the UI. Plain data only. */

/** Jira's three status categories (`new`, `indeterminate`, `done`), named as people say them. */
export type StatusCategory = 'todo' | 'in-progress' | 'done';

export type SprintState = 'closed' | 'active' | 'future';

export interface ChildCounts {
  total: number;
  todo: number;
  inProgress: number;
  done: number;
}
