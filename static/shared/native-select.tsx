import type { ChangeEvent } from 'react';
import { Box, xcss } from '@atlaskit/primitives';
import type { ControlProps } from './field';

const selectStyles = xcss({
  font: 'font.body',
  color: 'color.text',
  backgroundColor: 'color.background.input',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border.input',
  borderRadius: 'radius.small',
  paddingBlock: 'space.075',
  paddingInline: 'space.100',
  minHeight: '2.25rem',
  maxWidth: '100%',
  ':hover': { backgroundColor: 'color.background.input.hovered' },
  ':focus-visible': { outlineWidth: 'border.width.focused', outlineStyle: 'solid', outlineColor: 'color.border.focused' },
});

/**
 * A native `<select>` in Jira's look: a few fixed options need no @atlaskit/select (react-select
 * would cost more of the bundle than this whole page's forms).
 */
export function NativeSelect<V extends string>(
  props: ControlProps & { value: V; options: ReadonlyArray<{ value: V; label: string }>; onChange: (value: V) => void; name?: string },
) {
  const { value, options, onChange, isInvalid: _isInvalid, ...control } = props;
  return (
    <Box as="select" xcss={selectStyles} value={value} onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value as V)} {...control}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Box>
  );
}
