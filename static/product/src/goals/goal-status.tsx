import Lozenge from '@atlaskit/lozenge';
import type { GoalStatus } from '../../../../src/domain/strategy';
import { messages } from '../../../shared/messages';

const appearance = { 'on-track': 'success', 'at-risk': 'moved', 'off-track': 'removed', done: 'success', archived: 'default' } as const;

/** A goal's status in words, coloured for the eye (the words carry the meaning). */
export function GoalStatusLozenge({ status }: { status: GoalStatus }) {
  return (
    <Lozenge appearance={appearance[status]} isBold={status === 'done'}>
      {messages.goals.status[status]}
    </Lozenge>
  );
}
