/**
 * One schema per call of the contract that takes a payload. `satisfies` ties each to `Defs`: a
 * schema whose output drifts from the contract's payload type stops compiling. Unknown keys are
 * dropped, never trusted (a `projectId` in a payload means nothing: the project comes from Forge).
 */
import { z } from 'zod';
import type { Defs } from '../contract';
import { adminSchemas } from './admin-inputs';
import { baseVersion, brokenCharacterMessage, isWellFormedText, recordId } from './fields';
import { limits } from './limits';
import { epicLinksInputSchema, epicQuerySchema, laneSetupSchema, linkEpicsSchema, roadmapItemInputSchema, roadmapMoveSchema } from './roadmap-inputs';
import { goalInputSchema, kpiInputSchema, kpiSourceSchema, measurementInputSchema, visionBoardSchema } from './strategy-inputs';

type PayloadOf<K extends keyof Defs> = Parameters<Defs[K]> extends [infer P] ? P : never;
type PayloadKey = { [K in keyof Defs]: Parameters<Defs[K]> extends [unknown] ? K : never }[keyof Defs];

const visionVersion = z.number({ error: 'Choose a version.' }).int({ error: 'Choose a version.' }).min(1, { error: 'Choose a version.' });
const neighbour = recordId.nullable();

export const payloadSchemas = {
  saveVision: z.object({ board: visionBoardSchema, baseVersion }),
  getVisionVersion: z.object({ version: visionVersion }),
  restoreVisionVersion: z.object({ version: visionVersion, baseVersion }),

  createGoal: z.object({ goal: goalInputSchema }),
  updateGoal: z.object({ id: recordId, goal: goalInputSchema, baseVersion }),
  moveGoal: z.object({ id: recordId, afterId: neighbour, beforeId: neighbour, baseVersion }),
  deleteGoal: z.object({ id: recordId, baseVersion }),

  createKpi: z.object({ goalId: recordId, kpi: kpiInputSchema }),
  updateKpi: z.object({ id: recordId, kpi: kpiInputSchema, baseVersion }),
  deleteKpi: z.object({ id: recordId, baseVersion }),
  getKpiHistory: z.object({ id: recordId }),
  addMeasurement: z.object({ kpiId: recordId, measurement: measurementInputSchema, baseVersion }),
  updateMeasurement: z.object({ kpiId: recordId, id: recordId, measurement: measurementInputSchema, baseVersion }),
  deleteMeasurement: z.object({ kpiId: recordId, id: recordId, baseVersion }),
  previewKpiSource: z.object({ source: kpiSourceSchema }),
  refreshKpi: z.object({ id: recordId }),

  searchUsers: z.object({
    query: z
      .string({ error: 'Type part of a name.' })
      .trim()
      .min(1, { error: 'Type part of a name.' })
      .max(limits.userQueryLength, { error: `Keep the search to ${limits.userQueryLength} characters or fewer.` })
      .refine(isWellFormedText, { error: brokenCharacterMessage }),
  }),

  getRoadmap: z.object({ refresh: z.enum(['auto', 'full']).optional() }),
  createRoadmapItem: z.object({ item: roadmapItemInputSchema }),
  updateRoadmapItem: z.object({ id: recordId, item: roadmapItemInputSchema, baseVersion }),
  moveRoadmapItem: z.object({ move: roadmapMoveSchema, baseVersion }),
  deleteRoadmapItem: z.object({ id: recordId, baseVersion }),
  saveLaneSetup: laneSetupSchema.extend({ baseVersion }),
  searchEpics: z.object({ query: epicQuerySchema }),
  linkEpics: linkEpicsSchema,
  setEpicLinks: epicLinksInputSchema,

  // Admin ("Throughline settings")
  getAdminProjectSettings: z.object({ projectId: adminSchemas.projectId }),
  saveEditRule: z.object({ rule: adminSchemas.editRule, baseVersion }),
  saveStoryPointOverride: z.object({ projectId: adminSchemas.projectId.nullable(), fieldId: adminSchemas.fieldId.nullable(), baseVersion }),
  saveSprintBoards: z.object({ projectId: adminSchemas.projectId, boardIds: adminSchemas.boardIds.nullable(), baseVersion }),
  previewImport: z.object({ data: adminSchemas.importData }),
  applyImport: z.object({ data: adminSchemas.importData }),
} satisfies { [K in PayloadKey]: z.ZodType<PayloadOf<K>> };

export type PayloadSchemas = typeof payloadSchemas;
