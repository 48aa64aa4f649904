import type { ReactNode } from 'react';
import { Box, Stack, xcss } from '@atlaskit/primitives';

const headingStyles = xcss({
  font: 'font.heading.xsmall',
  color: 'color.text',
  margin: 'space.0',
});

/**
 * One part of the panel under its own h2 (Jira's panel header is the page's title), labelled by
 * its heading so screen readers list the parts as regions.
 */
export function PanelSection({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <Box as="section" aria-labelledby={id} testId={testId}>
      <Stack space="space.100">
        <Box as="h2" id={id} xcss={headingStyles}>
          {title}
        </Box>
        {children}
      </Stack>
    </Box>
  );
}

const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.100' });

/** A plain list without bullets; each entry is a card or a line. */
export function PlainList({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <Box as="ul" xcss={listStyles} aria-label={label}>
      {children}
    </Box>
  );
}

const cardStyles = xcss({
  paddingBlock: 'space.100',
  paddingInline: 'space.150',
  borderRadius: 'radius.medium',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  backgroundColor: 'elevation.surface.raised',
  listStyle: 'none',
});

export function Card({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Box as="li" xcss={cardStyles} testId={testId}>
      {children}
    </Box>
  );
}
