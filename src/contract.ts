/**
 * The one typed contract between the Custom UI and the resolver: every call's payload and its
 * JSON result. Types only, JSON-shaped (ISO strings for dates), so both sides compile against it.
 * The UI calls `makeInvoke<Defs>()`, the backend implements `makeResolver<Defs>(handlers)`: a
 * missing handler or a wrong payload is a compile error on either side.
 */
import type { ChildCounts, SprintState, StatusCategory } from './domain/model';

/** Expected failures, a closed set. Bugs throw instead. */
export type ErrorCode =
  | 'forbidden' // the caller may not see or change this (or is anonymous)
  | 'not-found'
  | 'invalid' // the payload broke a rule; `field` names where
  | 'conflict' // someone else changed it first; `current` carries their version
  | 'jira-unavailable' // Jira answered 5xx, garbage, or not in time
  | 'rate-limited'; // Jira kept answering 429 past the invocation's time budget

export interface AppError {
  code: ErrorCode;
  message: string;
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export interface ProjectRef {
  id: string;
  key: string;
  name: string;
}

export interface EpicSummary {
  id: string;
  key: string;
  summary: string;
  status: { name: string; category: StatusCategory };
  children: ChildCounts;
}

export interface SprintSummary {
  id: number;
  name: string;
  state: SprintState;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  goal?: string;
  boardIds: number[];
}

export interface ProjectOverview {
  project: ProjectRef;
  epics: EpicSummary[];
  sprints: SprintSummary[];
  /** The boards the project's sprints come from; kanban-only projects have none with sprints. */
  boards: Array<{ id: number; name: string; type: 'scrum' | 'kanban' | 'simple' | string }>;
}

export type Defs = {
  /** The project page's overview: the project's epics with child counts, and its sprints. */
  getProjectOverview: () => Result<ProjectOverview>;
};
