import type { Random } from './random';

export type ChildKind = 'story' | 'task' | 'bug';

/** `{t}` is the epic's topic in lower case, `{T}` the same with a capital. */
const TEMPLATES: Record<ChildKind, string[]> = {
  story: [
    'Design the {t} screens',
    'Build the {t} API endpoint',
    'Implement the {t} UI',
    'Track analytics events for {t}',
    'Localise {t} copy for DE, FR and ES',
    'Handle empty and error states in {t}',
    'Add {t} to the onboarding tour',
    'Roll out {t} behind a feature flag',
    'Show {t} in account settings',
    'Accessibility pass on {t}',
    'Email confirmation for {t}',
    'Admin view for {t}',
    'Support deep links into {t}',
    'Keyboard navigation for {t}',
  ],
  task: [
    'Spike: technical options for {t}',
    'Set up monitoring and alerts for {t}',
    'Migrate existing data for {t}',
    'Load test {t}',
    'Write the support playbook for {t}',
    'Remove the {t} feature flag',
    'Security review of {t}',
    'Acceptance tests for {t}',
  ],
  bug: [
    '{T} fails on Safari 17',
    '{T} shows stale data after refresh',
    '{T} times out for large accounts',
    'Wrong rounding of amounts in {t}',
    'Crash when opening {t} offline',
    '{T} ignores the user’s time zone',
  ],
};

function fill(template: string, topic: string): string {
  const lower = topic.charAt(0).toLowerCase() + topic.slice(1);
  const upper = topic.charAt(0).toUpperCase() + topic.slice(1);
  return template.replaceAll('{t}', lower).replaceAll('{T}', upper);
}

/** Summaries that do not repeat within one epic (a numbered follow-up once a kind's list runs out). */
export function summaryPicker(random: Random, topic: string): (kind: ChildKind) => string {
  const used = new Map<string, number>();
  return (kind) => {
    const fresh = TEMPLATES[kind].filter((t) => !used.has(t));
    const template = fresh.length > 0 ? random.pick(fresh) : random.pick(TEMPLATES[kind]);
    const seen = used.get(template) ?? 0;
    used.set(template, seen + 1);
    const summary = fill(template, topic);
    return seen === 0 ? summary : `${summary} (part ${seen + 1})`;
  };
}

const SUBTASKS = ['Write unit tests', 'Update API docs', 'Code review fixes', 'QA on staging', 'Update design tokens'];

export function subtaskSummaries(random: Random, count: number): string[] {
  const pool = [...SUBTASKS];
  return Array.from({ length: count }, () => {
    const index = random.int(0, pool.length - 1);
    const [summary] = pool.splice(index, 1);
    return summary ?? 'Follow-up';
  });
}
