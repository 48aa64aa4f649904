import { useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import type { KpiHistory, MeasurementInput } from '../../../../src/contract';
import { fieldError, isFieldError } from '../../../shared/errors';
import type { Attempt, UiError } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { localToday } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { numberEntry } from '../../../shared/messages/number-entry';
import { WriteError } from '../../../shared/write-error';

const k = messages.kpis;
const paths = ['measurement.value', 'measurement.date', 'measurement.note'];
const noteStyles = xcss({ flexGrow: 1, minWidth: '12rem' });

/**
 * A measurement's value, day and note: adding one, or correcting one in its table row. Conflicts
 * are the caller's to show (it holds the series); other errors appear here.
 */
export function MeasurementForm(props: {
  initial?: MeasurementInput;
  unit: string;
  submitLabel: string;
  onSubmit: (input: MeasurementInput) => Promise<Attempt<KpiHistory>>;
  onCancel?: () => void;
  /** Cleared after a successful add, kept after a correction (the row closes). */
  resetOnSave?: boolean;
}) {
  const [value, setValue] = useState(props.initial ? String(props.initial.value) : '');
  const [date, setDate] = useState(props.initial?.date ?? localToday());
  const [note, setNote] = useState(props.initial?.note ?? '');
  const [error, setError] = useState<UiError>();
  const [busy, setBusy] = useState(false);
  const valueInput = useRef<HTMLInputElement>(null);

  const submit = async () => {
    const number = Number(value);
    if (!value.trim() || !Number.isFinite(number)) {
      // A number input hands over '' for anything that is not a number, so empty is what to say.
      setError({ code: 'invalid', field: 'measurement.value', message: value.trim() ? messages.common.notANumber(k.value) : numberEntry.empty });
      valueInput.current?.focus();
      return;
    }
    setBusy(true);
    const result = await props.onSubmit({ value: number, date, ...(note.trim() ? { note: note.trim() } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error.code === 'conflict' ? undefined : result.error);
    setError(undefined);
    if (props.resetOnSave) {
      setValue('');
      setNote('');
      valueInput.current?.focus();
    }
  };

  return (
    <Box as="form" noValidate onSubmit={(event: React.FormEvent) => (event.preventDefault(), void submit())}>
      <Stack space="space.100">
        <Inline space="space.150" alignBlock="end" shouldWrap>
          <Field label={props.unit ? `${k.value} (${props.unit})` : k.value} isRequired error={fieldError(error, 'measurement.value')}>
            {(control) => (
              <Textfield {...control} ref={valueInput} type="number" step="any" inputMode="decimal" width={140} value={value} onChange={(e) => setValue((e.target as HTMLInputElement).value)} />
            )}
          </Field>
          <Field label={k.date} isRequired error={fieldError(error, 'measurement.date')}>
            {(control) => <Textfield {...control} type="date" width={180} value={date} onChange={(e) => setDate((e.target as HTMLInputElement).value)} />}
          </Field>
          <Box xcss={noteStyles}>
            <Field label={`${k.note} ${messages.common.optional}`} error={fieldError(error, 'measurement.note')}>
              {(control) => <Textfield {...control} value={note} onChange={(e) => setNote((e.target as HTMLInputElement).value)} />}
            </Field>
          </Box>
          <Inline space="space.100">
            <Button type="submit" appearance="primary" isLoading={busy}>
              {props.submitLabel}
            </Button>
            {props.onCancel ? (
              <Button appearance="subtle" onClick={props.onCancel} isDisabled={busy}>
                {messages.common.cancel}
              </Button>
            ) : null}
          </Inline>
        </Inline>
        {error && !isFieldError(error, paths) ? <WriteError error={error} headingLevel="h6" /> : null}
      </Stack>
    </Box>
  );
}
