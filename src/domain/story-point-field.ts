import { coded } from './text-codes';
/**
 * Which field holds a project's story points. Jira Cloud has two by default, with ids that differ
 * per site: "Story point estimate" (custom type `jsw-story-points`), which team-managed projects
 * use, and a number field "Story Points", which company-managed projects and their boards use.
 */

/** A field as `GET /rest/api/3/field` describes it (only what the choice needs). */
export interface FieldInfo {
  id: string;
  name: string;
  custom: boolean;
  /** `schema.type`, e.g. `number`, `array`. */
  type?: string;
  /** `schema.custom`, e.g. `com.pyxis.greenhopper.jira:jsw-story-points`. */
  customType?: string;
}

/** `classic` = company-managed, `next-gen` = team-managed (`GET /project/{id}` → `style`). */
export type ProjectStyle = 'classic' | 'next-gen' | 'unknown';

export const storyPointEstimateType = 'com.pyxis.greenhopper.jira:jsw-story-points';
export const sprintFieldType = 'com.pyxis.greenhopper.jira:gh-sprint';

export type StoryPointSource = 'override' | 'board' | 'project-style' | 'only-candidate';

export type StoryPointFieldChoice =
  | { ok: true; fieldId: string; name: string; source: StoryPointSource; ignoredOverride?: string }
  | { ok: false; reason: 'not-found'; message: string; ignoredOverride?: string };

export interface StoryPointFieldInput {
  fields: readonly FieldInfo[];
  style: ProjectStyle;
  /** `estimation.field.fieldId` of each of the project's sprint boards (scrum or team-managed) that estimates with a field. */
  boardEstimationFieldIds: readonly string[];
  /** The admin's choice for this project or the site; wins when it names a number field. */
  override?: string;
}

/**
 * The project's story-point field, in this order:
 * 1. the admin's override, if it still names a custom number field (else it is reported as ignored);
 * 2. the field the project's sprint board estimates with (what the team sees on the board), when it
 *    is a custom number field: time tracking and issue count are not story points;
 * 3. by project style: team-managed → "Story point estimate"; company-managed → a number field
 *    named "Story Points", else "Story point estimate";
 * 4. the only story-point-like field the site has.
 */
export function chooseStoryPointField(input: StoryPointFieldInput): StoryPointFieldChoice {
  const numbers = input.fields.filter((f) => f.custom && f.type === 'number');
  const byId = new Map(numbers.map((f) => [f.id, f]));
  const pick = (field: FieldInfo, source: StoryPointSource, ignoredOverride?: string): StoryPointFieldChoice => ({
    ok: true,
    fieldId: field.id,
    name: field.name,
    source,
    ...(ignoredOverride ? { ignoredOverride } : {}),
  });

  const override = input.override?.trim() || undefined;
  const overridden = override === undefined ? undefined : byId.get(override);
  if (overridden) return pick(overridden, 'override');
  const ignored = override;

  const boardField = input.boardEstimationFieldIds.map((id) => byId.get(id)).find((f) => f !== undefined);
  if (boardField) return pick(boardField, 'board', ignored);

  const estimate = numbers.find((f) => f.customType === storyPointEstimateType);
  const storyPoints = numbers.find((f) => f.name.trim().toLowerCase() === 'story points');
  if (input.style === 'next-gen' && estimate) return pick(estimate, 'project-style', ignored);
  if (input.style === 'classic' && (storyPoints ?? estimate)) return pick((storyPoints ?? estimate) as FieldInfo, 'project-style', ignored);

  const candidates = [estimate, storyPoints].filter((f): f is FieldInfo => f !== undefined);
  if (candidates.length > 0) return pick(candidates[0] as FieldInfo, 'only-candidate', ignored);
  return {
    ok: false,
    reason: 'not-found',
    message: coded('health.storyPoints.notFound'),
    ...(ignored ? { ignoredOverride: ignored } : {}),
  };
}

/** The sprint field's id (custom type `gh-sprint`), if the site has Jira Software. */
export function sprintFieldOf(fields: readonly FieldInfo[]): string | undefined {
  return fields.find((f) => f.custom && f.customType === sprintFieldType)?.id;
}
