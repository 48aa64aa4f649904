/**
 * A dashboard gadget's project comes from its saved configuration, which the browser sends: Jira
 * stores whatever the edit view submitted, and the view reads it back from its context. So unlike
 * the project page, where Forge names the project, a gadget call trusts nothing it names. Every
 * call asks Jira, as the user, whether they may browse the configured project (the project search
 * lists only those: `action=browse`), and a gadget whose project they may not browse answers a
 * plain `forbidden`, with nothing about the project in it.
 * @see https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-dashboard-gadget/
 */
import type { Request } from '@forge/resolver';
import type { z } from 'zod';
import type { ProjectRef } from '../../contract';
import { createJiraClient } from '../../adapters/jira/client';
import type { JiraClient } from '../../adapters/jira/client';
import { browsableProjects } from '../../adapters/jira/project-search';
import type { PayloadSchemas } from '../../validation/payloads';
import { trustedContext } from '../context';
import type { TrustedContext } from '../context';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { parsePayload } from '../calls';
import { say } from '../../i18n/server-texts';

type GadgetKey = 'getGoalHealthGadget' | 'getRoadmapNowGadget' | 'getUnalignedWorkGadget';

export interface GadgetCall<K extends GadgetKey> {
  jira: JiraClient;
  context: TrustedContext;
  project: ProjectRef;
  payload: z.output<PayloadSchemas[K]>;
  /**
   * The call as the project page would make it in the configured project, for the project page's
   * own loaders (roadmap, alignment). They check Browse Projects again as the user, from this.
   */
  inProject: Request;
}

export const gadgetProjectDenied = (): string => say('access.gadgetProjectDenied');

export async function authorizeGadget<K extends GadgetKey>(request: Request, key: K): Promise<Outcome<GadgetCall<K>>> {
  const context = trustedContext(request.context);
  if (!context.accountId) return fail('forbidden', say('access.signInGadget'));
  const payload = parsePayload(key, request.payload);
  if (!payload.ok) return payload;
  const jira = createJiraClient({ actor: 'user' });
  const [project] = await browsableProjects(jira, [payload.value.projectId]);
  // Jira lists the project only if it exists and the user may browse it; the search can never widen to others.
  if (!project || project.id !== payload.value.projectId) return fail('forbidden', gadgetProjectDenied());
  return ok({ jira, context, project, payload: payload.value, inProject: inProjectRequest(request, project) });
}

/** The request with the checked project where Forge puts a project page's, and no payload of its own. */
function inProjectRequest(request: Request, project: ProjectRef): Request {
  const original = (request.context ?? {}) as Record<string, unknown>;
  const extension = (original.extension ?? {}) as Record<string, unknown>;
  return { ...request, payload: {}, context: { ...original, extension: { ...extension, project: { id: project.id, key: project.key } } } } as Request;
}
