import { Inline, Text } from '@atlaskit/primitives';
import type { GoalView } from '../../../../src/contract';
import { formatInstant, formatTimeFrame } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { UserLabel } from '../../../shared/user-label';

const m = messages.goals;

/** Who owns the goal, by when, and who changed it last. */
export function GoalMeta({ goal }: { goal: GoalView }) {
  return (
    <Inline space="space.300" alignBlock="center" shouldWrap>
      {goal.owner ? (
        <Inline space="space.075" alignBlock="center">
          <Text size="small" color="color.text.subtle">
            {m.owner}:
          </Text>
          <UserLabel user={goal.owner} size="xsmall" textSize="small" />
        </Inline>
      ) : (
        <Text size="small" color="color.text.subtlest">
          {messages.common.noOwner}
        </Text>
      )}
      <Text size="small" color="color.text.subtle">
        {formatTimeFrame(goal.timeFrame) ?? m.noTimeFrame}
      </Text>
      <Text size="small" color="color.text.subtlest">
        {m.updatedBy(goal.updated.by.displayName, formatInstant(goal.updated.at))}
      </Text>
    </Inline>
  );
}
