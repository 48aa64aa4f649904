import type { FieldInfo } from '../../../src/domain/story-point-field';
import { chooseStoryPointField, sprintFieldOf } from '../../../src/domain/story-point-field';

const estimate: FieldInfo = { id: 'customfield_10016', name: 'Story point estimate', custom: true, type: 'number', customType: 'com.pyxis.greenhopper.jira:jsw-story-points' };
const storyPoints: FieldInfo = { id: 'customfield_10028', name: 'Story Points', custom: true, type: 'number', customType: 'com.atlassian.jira.plugin.system.customfieldtypes:float' };
const effort: FieldInfo = { id: 'customfield_10050', name: 'Effort', custom: true, type: 'number' };
const sprint: FieldInfo = { id: 'customfield_10020', name: 'Sprint', custom: true, type: 'array', customType: 'com.pyxis.greenhopper.jira:gh-sprint' };
const timeEstimate: FieldInfo = { id: 'timeoriginalestimate', name: 'Original estimate', custom: false, type: 'number' };
const site = [estimate, storyPoints, effort, sprint, timeEstimate];

describe('chooseStoryPointField', () => {
  test.each([
    { name: 'team-managed: "Story point estimate"', style: 'next-gen', boards: [], override: undefined, fieldId: estimate.id, source: 'project-style' },
    { name: 'company-managed: "Story Points"', style: 'classic', boards: [], override: undefined, fieldId: storyPoints.id, source: 'project-style' },
    { name: 'the board’s estimation field over the style', style: 'classic', boards: [estimate.id], override: undefined, fieldId: estimate.id, source: 'board' },
    { name: 'the admin’s override over everything', style: 'next-gen', boards: [estimate.id], override: effort.id, fieldId: effort.id, source: 'override' },
    { name: 'not a board that estimates by time', style: 'next-gen', boards: [timeEstimate.id], override: undefined, fieldId: estimate.id, source: 'project-style' },
    { name: 'the only candidate when the style is unknown', style: 'unknown', boards: [], override: undefined, fieldId: estimate.id, source: 'only-candidate' },
  ] as const)('picks $name', ({ style, boards, override, fieldId, source }) => {
    expect(chooseStoryPointField({ fields: site, style, boardEstimationFieldIds: boards, ...(override ? { override } : {}) })).toEqual({
      ok: true,
      fieldId,
      name: site.find((f) => f.id === fieldId)?.name,
      source,
    });
  });

  test('company-managed without a "Story Points" field uses "Story point estimate"', () => {
    expect(chooseStoryPointField({ fields: [estimate], style: 'classic', boardEstimationFieldIds: [] })).toMatchObject({ ok: true, fieldId: estimate.id });
  });

  test.each([
    { name: 'a field that no longer exists', override: 'customfield_99999' },
    { name: 'a field that is not a number', override: sprint.id },
    { name: 'a system field', override: timeEstimate.id },
  ])('ignores an override naming $name, and says so', ({ override }) => {
    expect(chooseStoryPointField({ fields: site, style: 'classic', boardEstimationFieldIds: [], override })).toEqual({
      ok: true,
      fieldId: storyPoints.id,
      name: 'Story Points',
      source: 'project-style',
      ignoredOverride: override,
    });
  });

  test('finds nothing on a site without story points', () => {
    expect(chooseStoryPointField({ fields: [effort, sprint], style: 'classic', boardEstimationFieldIds: [] })).toMatchObject({ ok: false, reason: 'not-found' });
  });

  test('finds the sprint field by its type', () => {
    expect(sprintFieldOf(site)).toBe(sprint.id);
    expect(sprintFieldOf([estimate])).toBeUndefined();
  });
});
