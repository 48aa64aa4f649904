/** How an epic's links stand in Jira (`sync` on epics): saved in Throughline, the epic's property following. */
export const linkSync = {
  pending: 'Syncing to Jira',
  refused: 'Not in Jira',
  pendingHelp: 'Saved. Jira is being updated: JQL such as throughlineGoal finds this epic’s new links in a moment.',
  refusedHelp:
    'Saved in Throughline, but Jira did not let the app update this epic, so JQL does not find its links. A Jira admin can run “Rebuild link index” once the app may edit it.',
  savedPending: (keys: string) => `Saved. Jira is still being updated for ${keys}.`,
};
