import { useId } from 'react';
import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { ErrorIcon } from './icons';

export interface ControlProps {
  id: string;
  /** For ADS fields, which set `aria-invalid` from it (and would drop ours). */
  isInvalid?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
}

const requiredStyles = xcss({ color: 'color.text.danger' });
const labelStyles = xcss({ font: 'font.body.small', fontWeight: 'font.weight.semibold', color: 'color.text.subtle' });
// In a row of fields (an Inline) a field may shrink below its control's natural width: a select
// whose longest option is a long goal name, or a German label, stays inside the form.
const fieldStyles = xcss({ minWidth: '0px', maxWidth: '100%' });

/**
 * A labelled control with its helper text and its error right below it, wired for screen readers
 * (`aria-describedby`, `aria-invalid`). The error has an icon and words, never colour alone.
 */
export function Field(props: {
  label: string;
  error?: string;
  helper?: ReactNode;
  isRequired?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const helperId = `${id}-helper`;
  const errorId = `${id}-error`;
  const describedBy = [props.error ? errorId : undefined, props.helper ? helperId : undefined].filter(Boolean).join(' ');
  return (
    <Stack space="space.050" xcss={fieldStyles}>
      <Box as="label" xcss={labelStyles} {...{ htmlFor: id }}>
        {props.label}
        {props.isRequired ? (
          <Box as="span" xcss={requiredStyles} aria-hidden="true">
            {' *'}
          </Box>
        ) : null}
      </Box>
      {props.children({
        id,
        ...(props.error ? { 'aria-invalid': true as const, isInvalid: true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(props.isRequired ? { 'aria-required': true as const } : {}),
      })}
      {props.error ? <FieldMessage id={errorId}>{props.error}</FieldMessage> : null}
      {props.helper ? (
        <Text size="small" color="color.text.subtlest" id={helperId}>
          {props.helper}
        </Text>
      ) : null}
    </Stack>
  );
}

/** An error said next to what it is about. */
export function FieldMessage({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <Box id={id} role="alert">
      <Inline space="space.050" alignBlock="start">
        <ErrorIcon label="" color={token('color.icon.danger')} size="small" />
        <Text size="small" color="color.text.danger">
          {children}
        </Text>
      </Inline>
    </Box>
  );
}
