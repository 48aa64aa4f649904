/**
 * A section message in Jira's look: an accent bar, a title at the right heading level, the text
 * and the way on. Not @atlaskit/section-message: it brings @atlaskit/button and its tooltip stack.
 */
import type { ReactNode } from 'react';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';

export type NoticeAppearance = 'information' | 'warning' | 'error';

const base = xcss({
  paddingBlock: 'space.150',
  paddingInline: 'space.200',
  borderRadius: 'radius.small',
  borderInlineStartWidth: 'border.width.selected',
  borderInlineStartStyle: 'solid',
});

const appearances: Record<NoticeAppearance, ReturnType<typeof xcss>> = {
  information: xcss({ backgroundColor: 'color.background.information', borderInlineStartColor: 'color.border.information' }),
  warning: xcss({ backgroundColor: 'color.background.warning', borderInlineStartColor: 'color.border.warning' }),
  error: xcss({ backgroundColor: 'color.background.danger', borderInlineStartColor: 'color.border.danger' }),
};

const titleStyles = xcss({ font: 'font.heading.xsmall', color: 'color.text', margin: 'space.0' });
const bodyStyles = xcss({ font: 'font.body', color: 'color.text' });

export function Notice(props: {
  appearance: NoticeAppearance;
  title: string;
  headingLevel?: 'h2' | 'h3';
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    // Warnings and errors are said when they appear; information waits to be read.
    <Box xcss={[base, appearances[props.appearance]]} role={props.appearance === 'information' ? undefined : 'alert'} testId={props.testId}>
      <Stack space="space.100">
        <Box as={props.headingLevel ?? 'h3'} xcss={titleStyles}>
          {props.title}
        </Box>
        <Box xcss={bodyStyles}>{props.children}</Box>
        {props.actions ? <Inline space="space.100">{props.actions}</Inline> : null}
      </Stack>
    </Box>
  );
}
