import { z } from 'zod';

/**
 * What Forge tells a resolver about the call. It comes from Jira, not from the browser, so it is
 * the only place the project and the user are taken from; the payload is never trusted for either.
 */
export interface TrustedContext {
  /** Undefined for anonymous callers. */
  accountId: string | undefined;
  /** The project the module is shown in, when the module has one. */
  project: { id: string; key: string } | undefined;
  moduleKey: string | undefined;
}

const forgeContextSchema = z.looseObject({
  accountId: z.string().min(1).optional(),
  moduleKey: z.string().optional(),
  extension: z
    .looseObject({
      project: z.looseObject({ id: z.union([z.string(), z.number()]), key: z.string() }).optional(),
    })
    .optional(),
});

export function trustedContext(context: unknown): TrustedContext {
  const parsed = forgeContextSchema.safeParse(context);
  if (!parsed.success) return { accountId: undefined, project: undefined, moduleKey: undefined };
  const project = parsed.data.extension?.project;
  return {
    accountId: parsed.data.accountId,
    project: project ? { id: String(project.id), key: project.key } : undefined,
    moduleKey: parsed.data.moduleKey,
  };
}
