/**
 * The UI's only door to Forge: the one file that imports `@forge/bridge`. Everything else calls the
 * typed `invoke` below, so a wrong function name or payload is a compile error.
 */
import { i18n, makeInvoke, router, view } from '@forge/bridge';
import type { Defs, GadgetConfig } from '../../src/contract';

export const invoke = makeInvoke<Defs>();

/** Follows Jira's light / dark / system theme via `data-color-mode` on <html> and the token CSS. */
export const enableTheming = (): Promise<void> => view.theme.enable();

export interface UiContext {
  accountId?: string;
  locale: string;
  timezone: string;
  moduleKey: string;
  siteUrl: string;
}

export async function uiContext(): Promise<UiContext> {
  const context = await view.getContext();
  return {
    accountId: context.accountId,
    locale: context.locale ?? 'en-US',
    timezone: context.timezone ?? 'UTC',
    moduleKey: context.moduleKey,
    siteUrl: context.siteUrl,
  };
}

/**
 * The app's texts in the user's Jira language: manifest.yml `translations`, read through
 * @forge/bridge i18n (the context's locale, falling back to en-US as the manifest says).
 * @see https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/i18n/
 */
export async function appTranslations(locale?: string): Promise<{ locale: string; translations: Record<string, unknown> | null; t: (key: string, fallback?: string) => string }> {
  // Jira may report a locale Forge has no code for (it then falls back): the bridge's type is narrower.
  const wanted = (locale ?? null) as Parameters<typeof i18n.getTranslations>[0];
  const { translations, locale: found } = await i18n.getTranslations(wanted);
  const t = await i18n.createTranslationFunction(wanted);
  return { locale: found, translations: (translations ?? null) as Record<string, unknown> | null, t };
}

/** The project page's module key (manifest.yml): the portfolio links into each product's page. */
const productPageModule = 'throughline-product';

/** `path`: the page's own route (static/shared/product-route.ts), which Jira appends to the page URL. */
const productPageOf = (projectKey: string, path?: string) => ({ target: 'module', moduleKey: productPageModule, projectKey, ...(path ? { path } : {}) }) as const;

/** The product page's URL in Jira, for a link's href (open in a new tab, copy link); `path` opens that route. */
export async function productPageUrl(projectKey: string, path?: string): Promise<string> {
  return (await router.getUrl(productPageOf(projectKey, path)))?.toString() ?? '';
}

/**
 * The app's own history in Jira's URL (`view.createHistory()`, a `history` v4 object): what the
 * page reads on load, writes as the user moves, and hears on back / forward. Only the parts used.
 */
export interface AppHistory {
  readonly location: { pathname: string };
  push(path: string): void;
  replace(path: string): void;
  listen(listener: (location: { pathname: string }) => void): () => void;
}

export const appHistory = (): Promise<AppHistory> => view.createHistory() as Promise<AppHistory>;

/**
 * A dashboard gadget's frame: which gadget it is, whether Jira shows its edit view (the manifest's
 * `edit` resource; `extension.entryPoint === 'edit'`), and the configuration its edit view saved
 * (`extension.gadgetConfiguration`, whatever the browser submitted: never trusted as a permission).
 * @see https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-dashboard-gadget/
 */
export interface GadgetFrame {
  moduleKey: string;
  edit: boolean;
  configuration: Record<string, unknown>;
}

export async function gadgetFrame(): Promise<GadgetFrame> {
  const context = await view.getContext();
  const extension = (context.extension ?? {}) as { entryPoint?: unknown; gadgetConfiguration?: unknown };
  const configuration = extension.gadgetConfiguration;
  return {
    moduleKey: context.moduleKey,
    edit: extension.entryPoint === 'edit',
    configuration: typeof configuration === 'object' && configuration !== null ? (configuration as Record<string, unknown>) : {},
  };
}

/** Saves a gadget's configuration from its edit view; Jira then shows the gadget with it. `refresh`: minutes. */
export const submitGadgetConfiguration = (configuration: GadgetConfig): Promise<void> => view.submit(configuration) as Promise<void>;

/** Opens the product page of a project in Jira, in this tab; `path` opens that route. */
export const openProductPage = (projectKey: string, path?: string): Promise<void> => router.navigate(productPageOf(projectKey, path));

/**
 * An issue's page in Jira (`/browse/KEY`), for a link's href (new tab, copy link). Built from the
 * frame's `siteUrl`, read once per frame, since a Custom UI frame's own origin is not Jira's.
 */
let siteUrlOnce: Promise<string> | undefined;
export async function issueUrl(issueKey: string): Promise<string> {
  siteUrlOnce ??= view.getContext().then(
    (context) => String(context.siteUrl ?? '').replace(/\/+$/, ''),
    () => '',
  );
  const siteUrl = await siteUrlOnce;
  return siteUrl ? `${siteUrl}/browse/${encodeURIComponent(issueKey)}` : '';
}

/**
 * Opens an issue in Jira, in this tab, the way a Custom UI frame may: `router.navigate` with an
 * `issue` NavigationLocation (a frame cannot move Jira's top window itself).
 * @see https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/router/
 */
export const openIssue = (issueKey: string): Promise<void> => router.navigate({ target: 'issue', issueKey });

/** The key of the project the module shows (project page, issue panel); undefined elsewhere. */
export async function contextProjectKey(): Promise<string | undefined> {
  const context = await view.getContext();
  const key = (context.extension as { project?: { key?: unknown } } | undefined)?.project?.key;
  return typeof key === 'string' ? key : undefined;
}

/** Jira's issue search for a JQL (`/issues/?jql=…`), for a link's href; empty until the site is known. */
export async function issueSearchUrl(jql: string): Promise<string> {
  siteUrlOnce ??= view.getContext().then(
    (context) => String(context.siteUrl ?? '').replace(/\/+$/, ''),
    () => '',
  );
  const siteUrl = await siteUrlOnce;
  return siteUrl ? `${siteUrl}/issues/?jql=${encodeURIComponent(jql)}` : '';
}

/**
 * Opens Jira's issue search for a JQL in this tab: `router.navigate` takes a URL relative to the
 * site as well as a NavigationLocation (there is no issue-search target).
 * @see https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/router/
 */
export const openIssueSearch = (jql: string): Promise<void> => router.navigate(`/issues/?jql=${encodeURIComponent(jql)}`);
