/** A big roadmap arriving in pages after its first paint (issue 13): the progress line. Counts are grouped in the reader's locale. */
import english from './items-paging.en-US.json';
import { catalog } from './runtime';

const t = catalog('itemsPaging', english);

export const itemsPaging = {
  loadingItems: (loaded: number, total: number) => t('loadingItems', { loaded, total }),
  allLoaded: (total: number) => t('allLoaded', { total }),
  /** `reason`: the server's sentence, already in the reader's language. */
  someNotLoaded: (loaded: number, total: number, reason: string) => t('someNotLoaded', { loaded, total, reason }),
  get loadRest() {
    return t('loadRest');
  },
};
