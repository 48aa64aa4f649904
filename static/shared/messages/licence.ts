/** The read-only notice when the site's licence is inactive. Its own file: every bundle takes it. */
export const licence = {
  title: 'Read-only: Throughline’s licence is not active',
  body: 'Everything stays readable, but nothing can be changed until a Jira administrator renews the licence in Manage apps.',
};
