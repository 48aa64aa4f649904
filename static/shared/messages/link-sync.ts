/** How an epic's links stand in Jira (`sync` on epics): saved in Throughline, the epic's property following. */
import english from './link-sync.en-US.json';
import { catalog } from './runtime';

const t = catalog('linkSync', english);

export const linkSync = {
  get pending() {
    return t('pending');
  },
  get refused() {
    return t('refused');
  },
  get pendingHelp() {
    return t('pendingHelp');
  },
  get refusedHelp() {
    return t('refusedHelp');
  },
  savedPending: (keys: string) => t('savedPending', { keys }),
};
