import english from './later-tabs.en-US.json';
import { catalog } from './runtime';

const t = catalog('laterTabs', english);

/** The product page's tabs that load as chunks of their own (static/product/src/later-tabs.tsx). */
export const laterTabs = {
  get failed() {
    return t('failed');
  },
};
