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

export const horizonSchema = z.enum(horizons, { error: 'Choose now, next or later.' });

export const roadmapItemInputSchema = z
  .object({
    title: text(limits.titleLength, { required: 'Give the item a title.' }),
    description: text(limits.descriptionLength),
    goalId: recordId.nullable(),
    laneId: recordId.nullable(),
    horizon: horizonSchema,
    startDate: calendarDate.nullable(),
    endDate: calendarDate.nullable(),
    status: z.enum(itemStatuses, { error: 'Choose idea, planned, in progress, done or parked.' }),
    // Which ids are this product's items, and cycles, are checked against storage (src/domain/dependencies.ts).
    dependsOn: z
      .array(recordId, { error: 'Send the items it depends on as a list.' })
      .max(maxDependsOn, { error: `An item can depend on at most ${maxDependsOn} items.` })
      .optional(),
    // Whether the owner may browse the project is Jira's to say (src/resolvers/roadmap/owners.ts).
    ownerAccountId: accountId.nullable().optional(),
    scoreInputs: scoreInputsSchema.nullable().optional(),
  })
  .refine((item) => item.startDate === null || item.endDate === null || item.startDate <= item.endDate, {
    error: 'The end date must be on or after the start date.',
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
      .refine((column) => column.startDate <= column.endDate, { error: 'A column ends after it starts.', path: ['endDate'] }),
    z
      .object({ kind: z.literal('span'), startDate: calendarDate, endDate: calendarDate })
      .refine((span) => span.startDate <= span.endDate, { error: 'The end date must be on or after the start date.', path: ['endDate'] }),
    z.object({ kind: z.literal('unscheduled') }),
  ],
  { error: 'Choose a column.' },
);

export const roadmapMoveSchema = z.object({
  itemId: recordId,
  lane: laneKey,
  column: columnTargetSchema,
  afterId: recordId.nullable(),
  beforeId: recordId.nullable(),
});

export const laneSetupSchema = z.object({
  mode: z.enum(['goals', 'custom'], { error: 'Choose goal lanes or custom lanes.' }),
  lanes: z
    .array(z.object({ id: recordId.nullable(), name: text(limits.laneNameLength, { required: 'Name the lane.' }) }), { error: 'Send the lanes as a list.' })
    .max(limits.lanesPerRoadmap, { error: `A roadmap can have at most ${limits.lanesPerRoadmap} custom lanes.` })
    .refine((lanes) => new Set(lanes.flatMap((lane) => (lane.id ? [lane.id] : []))).size === lanes.filter((lane) => lane.id).length, {
      error: 'A lane appears twice.',
    }),
});

const linkedEpic = z.object({ epicId: z.string().regex(/^\d{1,18}$/, { error: 'This is not an epic id.' }), linksVersion: z.number().int().min(0).max(2_147_483_647) });

export const linkEpicsSchema = z
  .object({
    target: z.discriminatedUnion('kind', [z.object({ kind: z.literal('item'), id: recordId }), z.object({ kind: z.literal('goal'), id: recordId })], {
      error: 'Choose a roadmap item or a goal.',
    }),
    link: z.array(linkedEpic).max(limits.epicsPerLinkCall, { error: `Link at most ${limits.epicsPerLinkCall} epics at once.` }),
    unlink: z.array(linkedEpic).max(limits.epicsPerLinkCall, { error: `Unlink at most ${limits.epicsPerLinkCall} epics at once.` }),
  })
  .refine((payload) => payload.link.length + payload.unlink.length > 0, { error: 'Choose an epic to link or unlink.' })
  .refine((payload) => new Set([...payload.link, ...payload.unlink].map((epic) => epic.epicId)).size === payload.link.length + payload.unlink.length, {
    error: 'An epic appears twice.',
  });

const idList = (what: string) =>
  z.array(recordId).max(limits.linksPerEpic, { error: `An epic can serve at most ${limits.linksPerEpic} ${what}.` });

export const epicLinksInputSchema = z.object({
  directGoalIds: idList('goals'),
  roadmapItemIds: idList('roadmap items'),
  linksVersion: z.number({ error: 'Send back the links version you loaded.' }).int().min(0).max(2_147_483_647),
});

export const layoutSchema = z.enum(roadmapLayouts);

export const epicQuerySchema = text(limits.userQueryLength, { required: 'Type part of an epic’s name or its key.' });
