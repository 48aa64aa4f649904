import Avatar from '@atlaskit/avatar';
import { Box, Inline, Text } from '@atlaskit/primitives';
import type { UserRef } from '../../src/contract';

/** A person: avatar (decorative, the name is next to it) and display name. */
export function UserLabel({ user, size = 'small' }: { user: UserRef; size?: 'xsmall' | 'small' | 'medium' }) {
  return (
    <Inline space="space.075" alignBlock="center">
      <Box aria-hidden="true">
        <Avatar size={size} src={user.avatarUrl} name={user.displayName} />
      </Box>
      <Text>{user.displayName}</Text>
    </Inline>
  );
}
