/**
 * A status word in Jira's lozenge look. Not @atlaskit/lozenge: its current version pulls in the
 * feature-gate client (about 100 KB before gzip), more than the epic panel's or the portfolio's own code.
 */
import type { ReactNode } from 'react';
import { Box, xcss } from '@atlaskit/primitives';

export type TagAppearance = 'default' | 'success' | 'removed' | 'moved' | 'inprogress' | 'new';

const base = xcss({
  display: 'inline-block',
  paddingInline: 'space.050',
  borderRadius: 'radius.small',
  font: 'font.body.small',
  fontWeight: 'font.weight.bold',
  textTransform: 'uppercase',
  whiteSpace: 'nowrap',
  // Beside a long title in a row, the title wraps; the status word keeps its width ("AT R…" said nothing).
  flexShrink: 0,
  maxWidth: '100%',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  verticalAlign: 'middle',
});

const appearances: Record<TagAppearance, ReturnType<typeof xcss>> = {
  default: xcss({ backgroundColor: 'color.background.neutral', color: 'color.text.subtle' }),
  success: xcss({ backgroundColor: 'color.background.success', color: 'color.text.success' }),
  removed: xcss({ backgroundColor: 'color.background.danger', color: 'color.text.danger' }),
  moved: xcss({ backgroundColor: 'color.background.warning', color: 'color.text.warning' }),
  inprogress: xcss({ backgroundColor: 'color.background.information', color: 'color.text.information' }),
  new: xcss({ backgroundColor: 'color.background.discovery', color: 'color.text.discovery' }),
};

export function Tag({ appearance = 'default', children }: { appearance?: TagAppearance; children: ReactNode }) {
  return (
    <Box as="span" xcss={[base, appearances[appearance]]}>
      {children}
    </Box>
  );
}
