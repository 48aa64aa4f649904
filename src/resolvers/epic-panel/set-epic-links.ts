/**
 * Changes what this epic serves, from its panel. The epic comes from the Forge context; the
 * payload names the goals and items it should serve from now on, and the links version it was
 * shown. Jira's Edit Issues on this epic is asked as the user first; the links are then stored
 * over that version (a concurrent save is a conflict, never lost) and the property written as the
 * user, the `epic-link-sync` queue finishing it if Jira does not take it now (see link-change.ts).
 */
import type { Request } from '@forge/resolver';
import type { EpicContext, Failure, Result } from '../../contract';
import type { EpicLinks, LinkChange } from '../../domain/epic-links';
import { getEpic } from '../../adapters/jira/epic-links';
import { withStoredLinks } from '../../adapters/delivery/link-sync';
import { nowIso } from '../../adapters/clock';
import type { LinkedJiraEpic } from '../../adapters/jira/epic-links';
import { unlicensed } from '../authorize';
import { fail, ok } from '../results';
import { parsePayload } from '../calls';
import { changeEpicLinks } from '../roadmap/link-change';
import { epicContextView, loadEpicDelivery, loadProductOf } from './epic-context';
import type { ProductOfProject } from './epic-context';
import { panelEpic } from './panel-epic';
import { say } from '../../i18n/server-texts';

/** Jira does not let the user edit this epic (asked before anything is stored). */


export async function setEpicLinks(request: Request): Promise<Result<EpicContext>> {
  const panel = await panelEpic(request);
  if (!panel.ok) return panel;
  const payload = parsePayload('setEpicLinks', request.payload);
  if (!payload.ok) return payload;
  const { jira, access, context, epic } = panel.value;
  if (!context.licensed) return unlicensed();
  const projectId = access.project.id;
  const canLink = access.permissions.has('EDIT_ISSUES');
  const product = await loadProductOf(projectId);

  const viewOf = async (current: LinkedJiraEpic): Promise<Result<EpicContext>> => {
    const delivery = await loadEpicDelivery(jira, { projectId, epicId: current.id, context });
    return delivery.ok ? ok(epicContextView({ epic: current, product, delivery: delivery.value, canLink, licensed: context.licensed })) : delivery;
  };
  const conflict = async (current: LinkedJiraEpic): Promise<Result<EpicContext>> => {
    const view = await viewOf(current);
    return conflictWith(view.ok ? view.value : undefined);
  };

  if (payload.value.linksVersion !== epic.links.version) return conflict(epic);

  const unknown = unknownIds(product, payload.value);
  if (unknown) return unknown;

  const changes = linkChanges(epic.links, payload.value);
  if (changes.length === 0) return viewOf(epic);
  // Read before the change is stored: a saved change must not be answered "failed" because a read
  // for the reply failed afterwards (issue 9). What the epic delivers does not depend on its links.
  const delivery = await loadEpicDelivery(jira, { projectId, epicId: epic.id, context });
  if (!delivery.ok) return delivery;
  const outcome = await changeEpicLinks(jira, projectId, [
    {
      epic,
      expectedVersion: payload.value.linksVersion,
      edit: () => ({ directGoalIds: [...payload.value.directGoalIds], roadmapItemIds: [...payload.value.roadmapItemIds] }),
    },
  ], access.accountId);
  if (outcome.outcome === 'conflict') {
    const fresh = await getEpic(jira, epic.id);
    if (!fresh) return fail('not-found', say('epics.epicGone', { key: epic.key }));
    const [stored] = await withStoredLinks(projectId, [fresh], nowIso());
    return conflict(stored ?? fresh);
  }
  const saved = outcome.saved[0];
  if (!saved) return fail('forbidden', say('epics.cannotEditEpic'));
  const savedEpic: LinkedJiraEpic = { ...epic, links: saved.links, ...(saved.sync ? { sync: saved.sync } : {}) };
  return ok(epicContextView({ epic: savedEpic, product, delivery: delivery.value, canLink, licensed: context.licensed }));
}

function linkChanges(current: EpicLinks, wanted: { directGoalIds: readonly string[]; roadmapItemIds: readonly string[] }): LinkChange[] {
  const goals = new Set(wanted.directGoalIds);
  const items = new Set(wanted.roadmapItemIds);
  return [
    ...current.directGoalIds.filter((id) => !goals.has(id)).map((goalId): LinkChange => ({ kind: 'goal', goalId, linked: false })),
    ...[...goals].filter((id) => !current.directGoalIds.includes(id)).map((goalId): LinkChange => ({ kind: 'goal', goalId, linked: true })),
    ...current.roadmapItemIds.filter((id) => !items.has(id)).map((itemId): LinkChange => ({ kind: 'item', itemId, linked: false })),
    ...[...items].filter((id) => !current.roadmapItemIds.includes(id)).map((itemId): LinkChange => ({ kind: 'item', itemId, linked: true })),
  ];
}

/** Ids that are not this product's: another project's goal reads exactly like one that never existed. */
function unknownIds(product: ProductOfProject, wanted: { directGoalIds: readonly string[]; roadmapItemIds: readonly string[] }): Failure<never> | undefined {
  const goalIds = new Set(product.goals.map((goal) => goal.id));
  const itemIds = new Set(product.items.map((item) => item.id));
  const goal = wanted.directGoalIds.find((id) => !goalIds.has(id));
  if (goal !== undefined) return fail('invalid', say('epics.noSuchGoal', { id: goal }), 'directGoalIds');
  const item = wanted.roadmapItemIds.find((id) => !itemIds.has(id));
  if (item !== undefined) return fail('invalid', say('epics.noSuchItem', { id: item }), 'roadmapItemIds');
  return undefined;
}

function conflictWith(current: EpicContext | undefined): Failure<EpicContext> {
  return {
    ok: false,
    error: {
      code: 'conflict',
      message: say('epics.linksChanged'),
      ...(current === undefined ? {} : { current }),
    },
  };
}
