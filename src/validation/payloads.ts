/**
 * One schema per call of the contract that takes a payload. `satisfies` ties each to `Defs`: a
 * schema whose output drifts from the contract's payload type stops compiling. Unknown keys are
 * dropped, never trusted (a `projectId` in a payload means nothing: the project comes from Forge).
 */
import { z } from 'zod';
import type { Defs } from '../contract';
import { adminSchemas } from './admin-inputs';
import { createEpicFromItemSchema, lanePrefsSchema } from './create-epic-input';
import { feedSchemas } from './feed-inputs';
import { gadgetSchemas } from './gadget-inputs';
import { checkInSchemas } from './status-update-inputs';
import { baseVersion, brokenCharacterMessage, isWellFormedText, recordId } from './fields';
import { limits } from './limits';
import { evidenceSchemas } from './evidence-inputs';
import { epicLinksInputSchema, epicQuerySchema, laneSetupSchema, linkEpicsSchema, roadmapItemInputSchema, roadmapMoveSchema } from './roadmap-inputs';
import { scoringMethodSchema } from './scoring-inputs';
import { goalInputSchema, kpiInputSchema, kpiSourceSchema, measurementInputSchema, visionBoardSchema } from './strategy-inputs';
import { coded } from '../domain/text-codes';

type PayloadOf<K extends keyof Defs> = Parameters<Defs[K]> extends [infer P] ? P : never;
type PayloadKey = { [K in keyof Defs]: Parameters<Defs[K]> extends [unknown] ? K : never }[keyof Defs];

// Versions are storage's 32-bit integers: a larger one names no version (and no query may carry it).
const visionVersion = z
  .number({ error: coded('validation.chooseVersion') })
  .int({ error: coded('validation.chooseVersion') })
  .min(1, { error: coded('validation.chooseVersion') })
  .max(2_147_483_647, { error: coded('validation.chooseVersion') });
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
      .string({ error: coded('validation.typeName') })
      .trim()
      .min(1, { error: coded('validation.typeName') })
      .max(limits.userQueryLength, { error: coded('validation.searchTooLong', { max: limits.userQueryLength }) })
      .refine(isWellFormedText, { error: brokenCharacterMessage }),
  }),

  getRoadmap: z.object({ refresh: z.enum(['auto', 'full']).optional() }),
  // The cursor is read and checked by the call (src/resolvers/roadmap/roadmap-pages.ts): here only its size.
  getRoadmapItems: z.object({ cursor: z.string().max(400).optional() }),
  // Unknown keys are dropped, as for getRoadmap: the project is the context's, never the payload's.
  getRoadmapCrawl: z.object({}),
  createRoadmapItem: z.object({ item: roadmapItemInputSchema }),
  updateRoadmapItem: z.object({ id: recordId, item: roadmapItemInputSchema, baseVersion }),
  moveRoadmapItem: z.object({ move: roadmapMoveSchema, baseVersion }),
  deleteRoadmapItem: z.object({ id: recordId, baseVersion }),
  saveLaneSetup: laneSetupSchema.extend({ baseVersion }),
  saveScoringMethod: z.object({ method: scoringMethodSchema, baseVersion }),
  searchEpics: z.object({ query: epicQuerySchema }),
  linkEpics: linkEpicsSchema,
  createEpicFromItem: createEpicFromItemSchema,
  saveLanePrefs: lanePrefsSchema,
  setEpicLinks: epicLinksInputSchema,

  // Admin ("Throughline settings")
  getAdminProjectSettings: z.object({ projectId: adminSchemas.projectId }),
  saveEditRule: z.object({ rule: adminSchemas.editRule, baseVersion }),
  saveStoryPointOverride: z.object({ projectId: adminSchemas.projectId.nullable(), fieldId: adminSchemas.fieldId.nullable(), baseVersion }),
  saveSprintBoards: z.object({ projectId: adminSchemas.projectId, boardIds: adminSchemas.boardIds.nullable(), baseVersion }),
  previewImport: z.object({ data: adminSchemas.importData, projectIds: adminSchemas.importProjectIds }),
  applyImport: z.object({ data: adminSchemas.importData, projectIds: adminSchemas.importProjectIds, planId: adminSchemas.planId }),

  // Evidence on roadmap items
  ...evidenceSchemas,

  // Dashboard gadgets
  ...gadgetSchemas,

  // Check-ins on goals and roadmap items
  ...checkInSchemas,

  // Product feed and following
  ...feedSchemas,
} satisfies { [K in PayloadKey]: z.ZodType<PayloadOf<K>> };

export type PayloadSchemas = typeof payloadSchemas;

/**
 * How deeply a payload may nest objects and arrays. No call's input comes near it (an export file,
 * the deepest, nests under ten levels; storage refuses values past 31). The browser can send far
 * deeper JSON inside Forge's 500 KB, and a recursive walk of it (zod's, or ours) overflows the stack.
 */
export const maxPayloadDepth = 64;

/** Whether `value` nests at most `max` objects or arrays; measured without recursion, so any input is safe. */
export function isWithinDepth(value: unknown, max: number = maxPayloadDepth): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth >= max) return false;
    for (const inner of Object.values(next.value)) pending.push({ value: inner, depth: next.depth + 1 });
  }
  return true;
}
