/**
 * Sprint events (manifest trigger `sprint-changed-shapes`): the roadmap caches each project's
 * sprints for a few minutes; a sprint created, started, closed, changed or deleted on one of its
 * boards makes the next load read them again. Nothing is read from Jira and nothing of the event
 * is stored: a sprint on a board the app may not see only forgets cached shapes, which the next
 * load reads again as the user.
 */
import { z } from 'zod';
import { forgetShapesWithBoard } from '../storage/project-cache';

const sprintEventSchema = z.looseObject({ sprint: z.looseObject({ id: z.number(), originBoardId: z.number().optional() }) });

export type SprintEventOutcome = { kind: 'ignored'; reason: string } | { kind: 'forgotten'; projects: string[] };

export async function shapesOnSprintChanged(event: unknown): Promise<SprintEventOutcome> {
  const parsed = sprintEventSchema.safeParse(event);
  if (!parsed.success) return { kind: 'ignored', reason: 'not a sprint event' };
  const boardId = parsed.data.sprint.originBoardId;
  if (boardId === undefined) return { kind: 'ignored', reason: 'the sprint names no board' };
  return { kind: 'forgotten', projects: await forgetShapesWithBoard(boardId) };
}

/** Forge's entry point (`index.ts` exports it). */
export const sprintChanged = (event: unknown): Promise<SprintEventOutcome> => shapesOnSprintChanged(event);
