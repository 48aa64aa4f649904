/**
 * A status word in Jira's lozenge look (the epic panel's, for the same reason: @atlaskit/lozenge
 * pulls in the feature-gate client, more than this page's own code).
 */
import type { ReactNode } from 'react';
import { Box, xcss } from '@atlaskit/primitives';

export type TagAppearance = 'default' | 'success' | 'removed' | 'moved' | 'inprogress';

const base = xcss({
  display: 'inline-block',
  paddingInline: 'space.050',
  borderRadius: 'radius.small',
  font: 'font.body.small',
  fontWeight: 'font.weight.bold',
  textTransform: 'uppercase',
  whiteSpace: 'nowrap',
  verticalAlign: 'middle',
});

const appearances: Record<TagAppearance, ReturnType<typeof xcss>> = {
  default: xcss({ backgroundColor: 'color.background.neutral', color: 'color.text.subtle' }),
  success: xcss({ backgroundColor: 'color.background.success', color: 'color.text.success' }),
  removed: xcss({ backgroundColor: 'color.background.danger', color: 'color.text.danger' }),
  moved: xcss({ backgroundColor: 'color.background.warning', color: 'color.text.warning' }),
  inprogress: xcss({ backgroundColor: 'color.background.information', color: 'color.text.information' }),
};

export function Tag({ appearance = 'default', children }: { appearance?: TagAppearance; children: ReactNode }) {
  return (
    <Box as="span" xcss={[base, appearances[appearance]]}>
      {children}
    </Box>
  );
}
