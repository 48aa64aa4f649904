/** What the user reads when the platform, not Throughline, failed a call (issue 12, part 6). */
export const platformErrors = {
  invokeFailed: 'Throughline couldn’t finish this on the server. Try again; if it keeps happening, tell your Jira administrator.',
};
