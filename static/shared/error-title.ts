import { product } from './messages/product';

/**
 * The title for an error code, never missing: unknown codes get the generic one. Its own module,
 * reading the one catalog it needs, so the small resources (gadgets, panel, portfolio, settings)
 * that show errors do not bundle every catalog of the product page (shared/messages.ts).
 */
export const errorTitleOf = (code: string): string => (product.errorTitle as Readonly<Record<string, string | undefined>>)[code] ?? product.errorTitle.unexpected!;
