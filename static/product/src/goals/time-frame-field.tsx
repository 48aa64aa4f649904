import Textfield from '@atlaskit/textfield';
import { Inline, Stack } from '@atlaskit/primitives';
import type { TimeFrame } from '../../../../src/domain/strategy';
import { Field } from '../../../shared/field';
import { localToday } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { formats } from '../../../shared/messages/formats';
import { NativeSelect } from '../../../shared/native-select';

const m = messages.goals;
const quarters = [1, 2, 3, 4] as const;

/** When the goal should be reached: not said, a quarter (year + quarter), or a date. */
export function TimeFrameField({ value, onChange, error }: { value: TimeFrame; onChange: (value: TimeFrame) => void; error: (path: string) => string | undefined }) {
  // `error` answers for exactly the path given: the server names the offending part of the time frame.
  const switchKind = (kind: TimeFrame['kind']) => {
    const today = localToday();
    if (kind === 'none') onChange({ kind });
    else if (kind === 'date') onChange({ kind, date: today });
    else onChange({ kind, year: Number(today.slice(0, 4)), quarter: (Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4 });
  };
  return (
    <Stack space="space.100">
      <Inline space="space.150" shouldWrap alignBlock="start">
        <Field label={m.timeFrame} error={error('goal.timeFrame') ?? error('goal.timeFrame.kind')}>
          {(control) => (
            <NativeSelect
              {...control}
              value={value.kind}
              onChange={switchKind}
              options={(['none', 'quarter', 'date'] as const).map((kind) => ({ value: kind, label: m.timeFrameKinds[kind] }))}
            />
          )}
        </Field>
        {value.kind === 'quarter' ? (
          <>
            <Field label={m.quarterLabel} error={error('goal.timeFrame.quarter')}>
              {(control) => (
                <NativeSelect
                  {...control}
                  value={String(value.quarter)}
                  onChange={(q) => onChange({ ...value, quarter: Number(q) as 1 | 2 | 3 | 4 })}
                  options={quarters.map((q) => ({ value: String(q), label: formats.quarterOfYear(q) }))}
                />
              )}
            </Field>
            <Field label={m.year} error={error('goal.timeFrame.year')}>
              {(control) => (
                <Textfield
                  {...control}
                  type="number"
                  width={100}
                  value={String(value.year)}
                  onChange={(event) => onChange({ ...value, year: Number((event.target as HTMLInputElement).value) })}
                />
              )}
            </Field>
          </>
        ) : null}
        {value.kind === 'date' ? (
          <Field label={m.targetDate} error={error('goal.timeFrame.date')}>
            {(control) => (
              <Textfield {...control} type="date" width={180} value={value.date} onChange={(event) => onChange({ ...value, date: (event.target as HTMLInputElement).value })} />
            )}
          </Field>
        ) : null}
      </Inline>
    </Stack>
  );
}
