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
  /** The issue an issue panel is shown on (`extension.issue`); undefined in every other module. */
  issue: { id: string; key: string; type: string | undefined; typeId: string | undefined } | undefined;
  moduleKey: string | undefined;
  /** The viewer's Jira time zone: JQL reads dates in it. */
  timeZone: string | undefined;
  /**
   * False only when Forge says the site's licence is inactive (`context.license.isActive === false`).
   * Forge sends `license` only for paid apps in production; without it (development, staging, free
   * installs) the app counts as licensed.
   */
  licensed: boolean;
}

const forgeContextSchema = z.looseObject({
  accountId: z.string().min(1).optional(),
  moduleKey: z.string().optional(),
  timezone: z.string().optional(),
  license: z.looseObject({ isActive: z.boolean().optional() }).nullish(),
  extension: z
    .looseObject({
      project: z.looseObject({ id: z.union([z.string(), z.number()]), key: z.string() }).optional(),
      issue: z
        .looseObject({
          id: z.union([z.string(), z.number()]),
          key: z.string(),
          type: z.string().optional(),
          typeId: z.union([z.string(), z.number()]).optional(),
        })
        .optional(),
    })
    .optional(),
});

export function trustedContext(context: unknown): TrustedContext {
  const parsed = forgeContextSchema.safeParse(context);
  if (!parsed.success) return { accountId: undefined, project: undefined, issue: undefined, moduleKey: undefined, timeZone: undefined, licensed: true };
  const { project, issue } = parsed.data.extension ?? {};
  return {
    accountId: parsed.data.accountId,
    project: project ? { id: String(project.id), key: project.key } : undefined,
    issue: issue
      ? { id: String(issue.id), key: issue.key, type: issue.type, typeId: issue.typeId === undefined ? undefined : String(issue.typeId) }
      : undefined,
    moduleKey: parsed.data.moduleKey,
    timeZone: parsed.data.timezone,
    licensed: parsed.data.license?.isActive !== false,
  };
}
