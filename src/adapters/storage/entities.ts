/** Handles on the custom entities that manifest.yml declares; names and indexes must match it. */
import { kvs } from '@forge/kvs';
import type { ChunkRecord, GoalRecord, KpiRecord, ProductRecord, RoadmapItemRecord, RoadmapLanesRecord, RoadmapSetupRecord, SeriesRecord, SettingsRecord, VisionVersionRecord } from './records';

export const entityNames = {
  settings: 'settings',
  product: 'product',
  visionVersion: 'vision-version',
  goal: 'goal',
  kpi: 'kpi',
  series: 'kpi-series',
  chunk: 'measurement-chunk',
  roadmapItem: 'roadmap-item',
  roadmapSetup: 'roadmap-setup',
} as const;

export const entities = {
  settings: kvs.entity<SettingsRecord>(entityNames.settings),
  product: kvs.entity<ProductRecord>(entityNames.product),
  visionVersion: kvs.entity<VisionVersionRecord>(entityNames.visionVersion),
  goal: kvs.entity<GoalRecord>(entityNames.goal),
  kpi: kvs.entity<KpiRecord>(entityNames.kpi),
  series: kvs.entity<SeriesRecord>(entityNames.series),
  chunk: kvs.entity<ChunkRecord>(entityNames.chunk),
  roadmapItem: kvs.entity<RoadmapItemRecord>(entityNames.roadmapItem),
  roadmapSetup: kvs.entity<RoadmapSetupRecord>(entityNames.roadmapSetup),
  /** Lanes live in `settings` under `lanes.<project>` (record-places.ts). */
  roadmapLanes: kvs.entity<RoadmapLanesRecord>(entityNames.settings),
};

/** Largest page an entity query returns. */
export const queryPageSize = 100;
