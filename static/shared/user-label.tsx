import Avatar from '@atlaskit/avatar';
import { Box, Inline, Text } from '@atlaskit/primitives';
import type { UserRef } from '../../src/contract';

/**
 * A person: avatar (decorative, the name is next to it) and display name. `textSize="small"` in
 * rows of small metadata, so the name does not stand out from the words around it.
 */
export function UserLabel({ user, size = 'small', textSize = 'medium' }: { user: UserRef; size?: 'xsmall' | 'small' | 'medium'; textSize?: 'small' | 'medium' }) {
  return (
    <Inline space="space.075" alignBlock="center">
      <Box aria-hidden="true">
        <Avatar size={size} src={user.avatarUrl} name={user.displayName} />
      </Box>
      <Text size={textSize}>{user.displayName}</Text>
    </Inline>
  );
}
