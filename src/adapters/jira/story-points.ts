/**
 * What decides a project's story-point field, read from Jira: the site's fields, the project's
 * style and the estimation field of its boards that may run sprints (scrum, and team-managed
 * `simple` boards: kanban boards do not estimate). The choice itself is `chooseStoryPointField` in
 * the domain; this file only asks Jira. Costs 3 requests plus one per such board, so callers cache
 * the answer (the roll-up cache keeps it with its sync marker).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { mapWithConcurrency } from '../concurrency';
import type { FieldInfo, ProjectStyle } from '../../domain/story-point-field';
import { sprintFieldOf, storyPointEstimateType } from '../../domain/story-point-field';
import { boardsOfProject, mayHaveSprints } from './agile';
import type { JiraBoard } from './agile';
import type { JiraClient } from './client';
import { JiraError } from './errors';
import { getProject } from './projects';

/** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get */
const fieldListSchema = z.array(
  z.looseObject({
    id: z.string(),
    name: z.string(),
    custom: z.boolean().optional(),
    schema: z.looseObject({ type: z.string().optional(), custom: z.string().optional() }).optional(),
  }),
);

/** @see https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-boardid-configuration-get */
const boardConfigurationSchema = z.looseObject({
  estimation: z
    .looseObject({ type: z.string().optional(), field: z.looseObject({ fieldId: z.string() }).optional() })
    .optional(),
});

/** Everything the story-point choice needs, small enough to keep with the cache. */
export interface EstimationSetup {
  style: ProjectStyle;
  /** The site's custom number fields (story-point candidates) and the sprint field. */
  fields: FieldInfo[];
  boardEstimationFieldIds: string[];
  sprintFieldId?: string;
}

export async function readEstimationSetup(
  jira: JiraClient,
  options: { projectId: string; boards?: readonly JiraBoard[] },
): Promise<EstimationSetup> {
  // Boards' estimation beside the fields and the project, not after them: one round trip less on a cold load.
  const boardsLoad = options.boards ? Promise.resolve(options.boards) : boardsOfProject(jira, options.projectId);
  const [fields, project, estimation] = await Promise.all([
    jira.send({ path: route`/rest/api/3/field`, schema: fieldListSchema }),
    getProject(jira, options.projectId),
    boardsLoad.then((boards) => mapWithConcurrency(boards.filter(mayHaveSprints), 4, (board) => boardEstimationField(jira, board.id))),
  ]);
  const infos: FieldInfo[] = fields.map((field) => ({
    id: field.id,
    name: field.name,
    custom: field.custom ?? field.id.startsWith('customfield_'),
    ...(field.schema?.type ? { type: field.schema.type } : {}),
    ...(field.schema?.custom ? { customType: field.schema.custom } : {}),
  }));
  const sprintFieldId = sprintFieldOf(infos);
  return {
    style: styleOf(project),
    fields: infos.filter((f) => f.custom && (f.type === 'number' || f.id === sprintFieldId || f.customType === storyPointEstimateType)),
    boardEstimationFieldIds: [...new Set(estimation.filter((id): id is string => id !== undefined))],
    ...(sprintFieldId ? { sprintFieldId } : {}),
  };
}

/** `style` where Jira gives it; older answers only say `simplified` (true = team-managed). */
function styleOf(project: { style?: string; simplified?: boolean }): ProjectStyle {
  if (project.style === 'classic' || project.style === 'next-gen') return project.style;
  if (project.simplified === undefined) return 'unknown';
  return project.simplified ? 'next-gen' : 'classic';
}

/** The field a board estimates with; undefined for issue-count or time estimation, or a board we may not read. */
async function boardEstimationField(jira: JiraClient, boardId: number): Promise<string | undefined> {
  try {
    const configuration = await jira.send({ path: route`/rest/agile/1.0/board/${boardId}/configuration`, schema: boardConfigurationSchema });
    return configuration.estimation?.type === 'field' || configuration.estimation?.type === undefined
      ? configuration.estimation?.field?.fieldId
      : undefined;
  } catch (error) {
    // A board filtered to issues the user cannot see answers 403/404; the other signals still decide.
    if (error instanceof JiraError && (error.kind === 'forbidden' || error.kind === 'not-found')) return undefined;
    throw error;
  }
}
