/**
 * Marks an epic whose links are saved but not yet (or not at all) on the epic in Jira, so people
 * know why a JQL filter does not show it yet. Nothing when the epic is in step.
 */
import type { LinkSync } from '../../src/contract';
import { linkSync as m } from './messages/link-sync';
import { Tag } from './tag';

export function LinkSyncBadge(props: { sync: LinkSync | undefined; epicKey: string }) {
  if (!props.sync) return null;
  const pending = props.sync === 'pending';
  return (
    <span title={pending ? m.pendingHelp : m.refusedHelp} data-testid={`link-sync-${props.epicKey}`}>
      <Tag appearance={pending ? 'inprogress' : 'moved'}>{pending ? m.pending : m.refused}</Tag>
    </span>
  );
}
