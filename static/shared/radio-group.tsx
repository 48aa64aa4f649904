import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import { FieldMessage } from './field';

const fieldsetStyles = xcss({ borderStyle: 'none', padding: 'space.0', margin: 'space.0', minWidth: '0' });
const legendStyles = xcss({
  font: 'font.body.small',
  fontWeight: 'font.weight.semibold',
  color: 'color.text.subtle',
  paddingInline: 'space.0',
  marginBlockEnd: 'space.050',
});
const optionStyles = xcss({ display: 'flex', alignItems: 'center', gap: 'space.075', font: 'font.body', color: 'color.text', cursor: 'pointer' });

/** A labelled group of native radios (a fieldset with its legend), its error said below it. */
export function RadioGroup<V extends string>(props: {
  legend: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
  error?: string;
}) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <Box as="fieldset" xcss={fieldsetStyles} aria-describedby={props.error ? errorId : undefined}>
      {/* The legend is the fieldset's first child, or it does not name the group. */}
      <Box as="legend" xcss={legendStyles}>
        {props.legend}
      </Box>
      <Stack space="space.050">
        <Inline space="space.200" shouldWrap>
          {props.options.map((option) => (
            <Box as="label" key={option.value} xcss={optionStyles}>
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={props.value === option.value}
                onChange={() => props.onChange(option.value)}
                style={{ accentColor: token('color.background.selected.bold'), margin: 0 }}
              />
              {option.label}
            </Box>
          ))}
        </Inline>
        {props.error ? <FieldMessage id={errorId}>{props.error}</FieldMessage> : null}
      </Stack>
    </Box>
  );
}
