/**
 * The UI's only door to Forge: the one file that imports `@forge/bridge`. Everything else calls the
 * typed `invoke` below, so a wrong function name or payload is a compile error.
 */
import { makeInvoke, router, view } from '@forge/bridge';
import type { Defs } from '../../src/contract';

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

/** The project page's module key (manifest.yml): the portfolio links into each product's page. */
const productPageModule = 'throughline-product';

const productPageOf = (projectKey: string) => ({ target: 'module', moduleKey: productPageModule, projectKey }) as const;

/** The product page's URL in Jira, for a link's href (open in a new tab, copy link). */
export async function productPageUrl(projectKey: string): Promise<string> {
  return (await router.getUrl(productPageOf(projectKey)))?.toString() ?? '';
}

/** Opens the product page of a project in Jira, in this tab. */
export const openProductPage = (projectKey: string): Promise<void> => router.navigate(productPageOf(projectKey));
