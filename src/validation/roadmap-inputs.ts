/**
 * What an editor may send for roadmap items, moves, lanes and epic links. The UI runs the same
 * schemas for instant feedback; the server runs them again, since the browser is not trusted.
 */
import { z } from 'zod';
import { horizons, itemStatuses, roadmapLayouts } from '../domain/roadmap';
import { calendarDate, recordId, text } from './fields';
import { limits } from './limits';
import { maxDependsOn } from '../domain/dependencies';
import { accountId, scoreInputsSchema } from './scoring-inputs';
import { coded } from '../domain/text-codes';

export const horizonSchema = z.enum(horizons, { error: coded('validation.chooseHorizon') });

export const roadmapItemInputSchema = z
  .object({
    title: text(limits.titleLength, { required: coded('validation.itemTitle') }),
    description: text(limits.descriptionLength),
    goalId: recordId.nullable(),
    laneId: recordId.nullable(),
    horizon: horizonSchema,
    startDate: calendarDate.nullable(),
    endDate: calendarDate.nullable(),
    status: z.enum(itemStatuses, { error: coded('validation.chooseItemStatus') }),
    // Which ids are this product's items, and cycles, are checked against storage (src/domain/dependencies.ts).
    dependsOn: z
      .array(recordId, { error: coded('validation.dependsOnList') })
      .max(maxDependsOn, { error: coded('validation.dependsOnTooMany', { max: maxDependsOn }) })
      .optional(),
    // Whether the owner may browse the project is Jira's to say (src/resolvers/roadmap/owners.ts).
    ownerAccountId: accountId.nullable().optional(),
    scoreInputs: scoreInputsSchema.nullable().optional(),
  })
  .refine((item) => item.startDate === null || item.endDate === null || item.startDate <= item.endDate, {
    error: coded('validation.endBeforeStart'),
    path: ['endDate'],
  });

/** Lane ids are record ids, or `none` for the lane of items without a goal or lane. */
const laneKey = recordId;

export const columnTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('horizon'), horizon: horizonSchema }),
    z
      .object({ kind: z.literal('dates'), startDate: calendarDate, endDate: calendarDate })
      .refine((column) => column.startDate <= column.endDate, { error: coded('validation.columnEnds'), path: ['endDate'] }),
    z
      .object({ kind: z.literal('span'), startDate: calendarDate, endDate: calendarDate })
      .refine((span) => span.startDate <= span.endDate, { error: coded('validation.endBeforeStart'), path: ['endDate'] }),
    z.object({ kind: z.literal('unscheduled') }),
  ],
  { error: coded('validation.chooseColumn') },
);

export const roadmapMoveSchema = z.object({
  itemId: recordId,
  lane: laneKey,
  column: columnTargetSchema,
  afterId: recordId.nullable(),
  beforeId: recordId.nullable(),
});

export const laneSetupSchema = z.object({
  mode: z.enum(['goals', 'custom'], { error: coded('validation.chooseLaneMode') }),
  lanes: z
    .array(z.object({ id: recordId.nullable(), name: text(limits.laneNameLength, { required: coded('validation.laneName') }) }), { error: coded('validation.lanesAsList') })
    .max(limits.lanesPerRoadmap, { error: coded('validation.tooManyLanes', { max: limits.lanesPerRoadmap }) })
    .refine((lanes) => new Set(lanes.flatMap((lane) => (lane.id ? [lane.id] : []))).size === lanes.filter((lane) => lane.id).length, {
      error: coded('validation.laneTwice'),
    }),
});

const linkedEpic = z.object({ epicId: z.string().regex(/^\d{1,18}$/, { error: coded('validation.notAnEpicId') }), linksVersion: z.number().int().min(0).max(2_147_483_647) });

export const linkEpicsSchema = z
  .object({
    target: z.discriminatedUnion('kind', [z.object({ kind: z.literal('item'), id: recordId }), z.object({ kind: z.literal('goal'), id: recordId })], {
      error: coded('validation.chooseLinkTarget'),
    }),
    link: z.array(linkedEpic).max(limits.epicsPerLinkCall, { error: coded('validation.linkTooMany', { max: limits.epicsPerLinkCall }) }),
    unlink: z.array(linkedEpic).max(limits.epicsPerLinkCall, { error: coded('validation.unlinkTooMany', { max: limits.epicsPerLinkCall }) }),
  })
  .refine((payload) => payload.link.length + payload.unlink.length > 0, { error: coded('validation.chooseEpic') })
  .refine((payload) => new Set([...payload.link, ...payload.unlink].map((epic) => epic.epicId)).size === payload.link.length + payload.unlink.length, {
    error: coded('validation.epicTwice'),
  });

const idList = (what: 'Goals' | 'Items') =>
  z.array(recordId).max(limits.linksPerEpic, { error: coded(`validation.epicServesTooMany${what}`, { max: limits.linksPerEpic }) });

export const epicLinksInputSchema = z.object({
  directGoalIds: idList('Goals'),
  roadmapItemIds: idList('Items'),
  linksVersion: z.number({ error: coded('validation.linksVersion') }).int().min(0).max(2_147_483_647),
});

export const layoutSchema = z.enum(roadmapLayouts);

export const epicQuerySchema = text(limits.userQueryLength, { required: coded('validation.epicQuery') });
