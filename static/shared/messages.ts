/**
 * Every catalog the product page reads, under one name (`messages.goals.…`), plus the product
 * page's own texts (messages/product.ts) at the top level. Each catalog reads its texts in the
 * reader's locale when they are shown (messages/runtime.ts); nothing here copies a text.
 */
import { admin } from './messages/admin';
import { alignment } from './messages/alignment';
import { common } from './messages/common';
import { goals } from './messages/goals';
import { kpis } from './messages/kpis';
import { licence } from './messages/licence';
import { product } from './messages/product';
import { roadmap } from './messages/roadmap';
import { timeline } from './messages/timeline';
import { priority } from './messages/priority';
import { vision } from './messages/vision';

const catalogs = {
  common,
  vision,
  goals,
  kpis,
  roadmap,
  timeline,
  priority,
  alignment,
  admin,
  licence,
};

// The product texts' getters are copied as getters (a spread would read them once, in English).
export const en = Object.defineProperties(catalogs, Object.getOwnPropertyDescriptors(product)) as typeof catalogs & typeof product;

export { errorTitleOf } from './error-title';

export type Messages = typeof en;
export const messages: Messages = en;
