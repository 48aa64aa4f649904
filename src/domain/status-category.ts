import type { StatusCategory } from './model';

/**
 * Jira's status category key → ours. Jira may add categories (`undefined` is real: statuses
 * without a category); anything unknown counts as to do, so work is never reported as done by
 * accident.
 */
export function statusCategoryFromJira(key: string | undefined): StatusCategory {
  switch (key) {
    case 'done':
      return 'done';
    case 'indeterminate':
      return 'in-progress';
    default:
      return 'todo';
  }
}
