/**
 * What each custom entity (manifest.yml `app.storage.entities`) holds. Only declared attributes,
 * never `null` (Forge refuses both): optional values are left out instead. Every record names its
 * project, because keys are global: a reader always checks `projectId` against the Forge context.
 */
import type { EditRule, UserRef } from '../../contract';
import type { Horizon, LaneMode, RoadmapItemStatus } from '../../domain/roadmap';
import type { ScoreInputs, ScoringMethod } from '../../domain/scoring';
import type { DatedValue, GoalStatus, KpiDirection, KpiSource, Measurement, TimeFrame, VisionBoard } from '../../domain/strategy';

export interface SettingsRecord {
  editRule: EditRule;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** The product of one project: its shape (which goals, how many KPIs each) and that shape's version. */
export interface ProductRecord {
  projectId: string;
  goalCount: number;
  /** goal id → number of KPIs; a goal is in the product exactly when it has an entry here. */
  kpiCounts: Record<string, number>;
  version: number;
  createdAt: string;
}

export interface VisionVersionRecord {
  projectId: string;
  version: number;
  board: VisionBoard;
  savedAt: string;
  savedBy: UserRef;
  /** Set when this version restored an earlier one. */
  restoredFrom?: number;
}

export interface GoalRecord {
  projectId: string;
  title: string;
  description: string;
  ownerAccountId?: string;
  /** The owner's name and avatar as Jira gave them when the goal was saved: the page shows them without asking Jira. */
  owner?: UserRef;
  status: GoalStatus;
  timeFrame: TimeFrame;
  rank: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: UserRef;
}

export type SourceKind = 'manual' | 'jql';

export interface KpiRecord {
  projectId: string;
  goalId: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  baseline: DatedValue;
  target: DatedValue;
  source: KpiSource;
  /** Coarse kind for the `by-source` index: the daily snapshot reads `jql` only. */
  sourceKind: SourceKind;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** A measurement as a series head remembers it: with the chunk that stores it. */
export interface LocatedMeasurement extends Measurement {
  chunk: number;
}

export interface SeriesRecord {
  projectId: string;
  goalId: string;
  kpiId: string;
  /** Bumped by every change to the KPI's measurements; the contract's `seriesVersion`. */
  version: number;
  count: number;
  /** Chunks written so far, numbered 0…chunks-1; new measurements go to the last. */
  chunks: number;
  /** The newest measurements, oldest first. */
  recent: LocatedMeasurement[];
  updatedAt: string;
}

export interface ChunkRecord {
  projectId: string;
  kpiId: string;
  chunk: number;
  measurements: Measurement[];
}

/** A roadmap item. Its epics are not here: they live on the epics' link properties. */
export interface RoadmapItemRecord {
  projectId: string;
  title: string;
  description: string;
  goalId?: string;
  laneId?: string;
  horizon: Horizon;
  startDate?: string;
  endDate?: string;
  status: RoadmapItemStatus;
  /** Items it is blocked by. Deleted items stay listed until the next edit and are ignored when read. */
  dependsOn?: string[];
  /** The owner's account id, and their name as Jira gave it when the owner was saved. */
  ownerAccountId?: string;
  owner?: UserRef;
  scoreInputs?: ScoreInputs;
  rank: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: UserRef;
}

/** One per project with a roadmap: the item count that item creation and deletion are serialised on. */
export interface RoadmapSetupRecord {
  projectId: string;
  itemCount: number;
  version: number;
  updatedAt: string;
  /** The scoring method; absent = `none` at scoring version 0. `scoringVersion` guards editors' changes of it. */
  scoringMethod?: ScoringMethod;
  scoringVersion?: number;
  scoringUpdatedAt?: string;
  scoringUpdatedBy?: string;
}

/** One per project that changed its lanes: goal lanes or custom lanes, and the custom lanes in order. */
export interface RoadmapLanesRecord {
  projectId: string;
  laneMode: LaneMode;
  /** Kept in goal mode too, so switching back restores them. */
  lanes: Array<{ id: string; name: string }>;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** A record with the key it is stored under. */
export type Keyed<T> = T & { id: string };
