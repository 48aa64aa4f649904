import Textfield from '@atlaskit/textfield';
import { Box, Inline, xcss } from '@atlaskit/primitives';
import { fieldError } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { Field } from '../../../shared/field';

const fieldsetStyles = xcss({ borderStyle: 'none', padding: 'space.0', margin: 'space.0', minWidth: '0' });
const legendStyles = xcss({ font: 'font.heading.xxsmall', color: 'color.text', marginBlockEnd: 'space.075', paddingInline: 'space.0' });

/** A value and its day (a KPI's baseline or target) as one fieldset; errors by payload path under `prefix`. */
export function DatedValueFields(props: {
  legend: string;
  prefix: string;
  error?: UiError;
  value: string;
  date: string;
  unit: string;
  labels: [string, string];
  onValue: (value: string) => void;
  onDate: (date: string) => void;
}) {
  return (
    <Box as="fieldset" xcss={fieldsetStyles}>
      <Box as="legend" xcss={legendStyles}>
        {props.legend}
      </Box>
      <Inline space="space.100" alignBlock="start">
        <Field label={props.unit ? `${props.labels[0]} (${props.unit})` : props.labels[0]} isRequired error={fieldError(props.error, `${props.prefix}.value`)}>
          {(control) => <Textfield {...control} type="number" step="any" inputMode="decimal" width={130} value={props.value} onChange={(e) => props.onValue((e.target as HTMLInputElement).value)} />}
        </Field>
        <Field label={props.labels[1]} isRequired error={fieldError(props.error, `${props.prefix}.date`)}>
          {(control) => <Textfield {...control} type="date" width={170} value={props.date} onChange={(e) => props.onDate((e.target as HTMLInputElement).value)} />}
        </Field>
      </Inline>
    </Box>
  );
}
