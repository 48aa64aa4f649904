import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { VisionBoard } from '../../../../src/domain/strategy';
import { messages } from '../../../shared/messages';

export type VisionField = keyof VisionBoard;
export const boxFields = ['targetGroup', 'needs', 'product', 'businessGoals'] as const satisfies readonly VisionField[];
export const visionFields: readonly VisionField[] = ['productName', 'vision', ...boxFields];
const pairs = [boxFields.slice(0, 2), boxFields.slice(2)];

const boardStyles = xcss({
  borderRadius: 'radius.large',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  backgroundColor: 'elevation.surface.sunken',
  padding: 'space.200',
});
const variantStyles = {
  current: xcss({}),
  example: xcss({ borderStyle: 'dashed', borderColor: 'color.border.discovery' }),
  past: xcss({ borderStyle: 'dashed', borderWidth: 'border.width.selected', borderColor: 'color.border.information' }),
};
const visionBandStyles = xcss({
  backgroundColor: 'elevation.surface.raised',
  boxShadow: 'elevation.shadow.raised',
  borderRadius: 'radius.medium',
  borderInlineStartWidth: 'border.width.selected',
  borderInlineStartStyle: 'solid',
  borderInlineStartColor: 'color.border.brand',
  paddingBlock: 'space.300',
  paddingInline: 'space.300',
});
const boxStyles = xcss({
  backgroundColor: 'elevation.surface.raised',
  boxShadow: 'elevation.shadow.raised',
  borderRadius: 'radius.medium',
  borderBlockStartWidth: 'border.width.selected',
  borderBlockStartStyle: 'solid',
  padding: 'space.200',
  minHeight: '10rem',
});
// Decorative only: each box is named by its heading, the colour merely helps the eye find it again.
const accentStyles: Record<(typeof boxFields)[number], ReturnType<typeof xcss>> = {
  targetGroup: xcss({ borderBlockStartColor: 'color.border.accent.teal' }),
  needs: xcss({ borderBlockStartColor: 'color.border.accent.orange' }),
  product: xcss({ borderBlockStartColor: 'color.border.accent.purple' }),
  businessGoals: xcss({ borderBlockStartColor: 'color.border.accent.green' }),
};

/**
 * The Product Vision Board's shape: the product and its vision on top, the four boxes below
 * (target group, needs, product, business goals) in a grid that wraps on narrow frames.
 */
export function VisionBoardLayout({ slots, variant = 'current', testId }: { slots: Record<VisionField, ReactNode>; variant?: keyof typeof variantStyles; testId?: string }) {
  return (
    <Box xcss={[boardStyles, variantStyles[variant]]} testId={testId}>
      <Stack space="space.200">
        <Box xcss={visionBandStyles}>
          <Stack space="space.250">
            {slots.productName}
            {slots.vision}
          </Stack>
        </Box>
        {/* Two pairs of boxes: four in a row when wide, two by two when not, one column when narrow. */}
        <Grid templateColumns="repeat(auto-fit, minmax(min(100%, calc(26rem + 16px)), 1fr))" gap="space.200">
          {pairs.map((pair) => (
            <Grid key={pair.join()} templateColumns="repeat(auto-fit, minmax(13rem, 1fr))" gap="space.200">
              {pair.map((field) => (
                <Box key={field} xcss={[boxStyles, accentStyles[field]]}>
                  {slots[field]}
                </Box>
              ))}
            </Grid>
          ))}
        </Grid>
      </Stack>
    </Box>
  );
}

const valueStyles = {
  productName: xcss({ font: 'font.heading.large', color: 'color.text', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }),
  vision: xcss({ font: 'font.heading.medium', fontWeight: 'font.weight.regular', color: 'color.text', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }),
  box: xcss({ font: 'font.body', color: 'color.text', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }),
};

export const valueStyleOf = (field: VisionField) => (field === 'productName' || field === 'vision' ? valueStyles[field] : valueStyles.box);

/** A field's heading row: the field's name and, for editors, its action. */
export function FieldHeading({ field, actions }: { field: VisionField; actions?: ReactNode }) {
  return (
    <Inline space="space.100" alignBlock="center" spread="space-between">
      <Heading size="xxsmall" as="h3">
        {messages.vision.fields[field]}
      </Heading>
      {actions}
    </Inline>
  );
}

/** A field's text as typed (React renders it as text: markup typed by a user stays text). */
export function FieldValue({ field, value }: { field: VisionField; value: string }) {
  if (!value.trim()) {
    return (
      <Stack space="space.050">
        <Text color="color.text.subtlest">{messages.vision.emptyField}</Text>
        <Text size="small" color="color.text.subtlest">
          {messages.vision.prompts[field]}
        </Text>
      </Stack>
    );
  }
  return <Box xcss={valueStyleOf(field)}>{value}</Box>;
}

/** A whole board, read-only: the current one for readers, an example, or a past version. */
export function ReadOnlyBoard({ board, variant, testId }: { board: VisionBoard; variant?: 'current' | 'example' | 'past'; testId?: string }) {
  const slot = (field: VisionField) => (
    <Stack space="space.100">
      <FieldHeading field={field} />
      <FieldValue field={field} value={board[field]} />
    </Stack>
  );
  const slots = Object.fromEntries(visionFields.map((f) => [f, slot(f)])) as Record<VisionField, ReactNode>;
  return <VisionBoardLayout slots={slots} variant={variant} testId={testId} />;
}
