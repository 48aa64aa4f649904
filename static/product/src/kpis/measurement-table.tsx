import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import type { KpiHistory, MeasurementInput } from '../../../../src/contract';
import type { Measurement } from '../../../../src/domain/strategy';
import type { Attempt } from '../../../shared/errors';
import { formatDay, formatValue } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { MeasurementForm } from './measurement-form';

const k = messages.kpis;
// css-reset gives tables and captions a top margin; the detail's Stack already spaces its parts.
const tableStyles = xcss({ width: '100%', borderCollapse: 'collapse', marginBlock: 'space.0' } as Parameters<typeof xcss>[0]);
const captionStyles = xcss({ textAlign: 'start', font: 'font.heading.xxsmall', color: 'color.text', marginBlock: 'space.0', paddingBlockEnd: 'space.100' });
const cellStyles = xcss({
  textAlign: 'start',
  paddingBlock: 'space.075',
  paddingInline: 'space.100',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
  font: 'font.body',
  verticalAlign: 'middle',
});
const headStyles = xcss({ color: 'color.text.subtle', font: 'font.body.small', fontWeight: 'font.weight.semibold' });
const numberStyles = xcss({ textAlign: 'end', fontVariantNumeric: 'tabular-nums' } as Parameters<typeof xcss>[0]);
// Fixed widths for the short columns, so every KPI's table lines up the same way; the note takes the rest.
const columnStyles = {
  date: xcss({ width: '9rem' }),
  value: xcss({ width: '7rem' }),
  source: xcss({ width: '8rem' }),
  actions: xcss({ width: '1%', whiteSpace: 'nowrap' }),
};

/**
 * Every measurement, newest first, as a table (it doubles as the chart's text alternative). For
 * manual KPIs, editors correct a row in place or delete it after a confirmation.
 */
export function MeasurementTable(props: {
  id: string;
  history: KpiHistory;
  editable: boolean;
  onUpdate: (id: string, input: MeasurementInput) => Promise<Attempt<KpiHistory>>;
  onDelete: (id: string) => Promise<Attempt<KpiHistory>>;
}) {
  const { kpi, measurements } = props.history;
  const [editing, setEditing] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const rows = [...measurements].reverse();
  if (rows.length === 0) return <Text color="color.text.subtle">{k.measurementsEmpty}</Text>;
  const recorder = (m: Measurement) => (m.recordedBy === 'app' ? k.byApp : k.sourceNames[m.source] ?? m.source);
  return (
    <Box as="table" id={props.id} xcss={tableStyles} testId="measurement-table">
      <Box as="caption" xcss={captionStyles}>
        {k.measurementsHeading}
      </Box>
      <thead>
        <tr>
          <Box as="th" xcss={[cellStyles, headStyles, columnStyles.date]} {...{ scope: 'col' }}>{k.date}</Box>
          <Box as="th" xcss={[cellStyles, headStyles, numberStyles, columnStyles.value]} {...{ scope: 'col' }}>{k.value}</Box>
          <Box as="th" xcss={[cellStyles, headStyles]} {...{ scope: 'col' }}>{k.note}</Box>
          <Box as="th" xcss={[cellStyles, headStyles, columnStyles.source]} {...{ scope: 'col' }}>{k.source}</Box>
          {props.editable ? <Box as="td" xcss={[cellStyles, headStyles, columnStyles.actions]} /> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((m) =>
          editing === m.id ? (
            <tr key={m.id}>
              <Box as="td" xcss={cellStyles} {...{ colSpan: 5 }}>
                <MeasurementForm
                  initial={{ value: m.value, date: m.date, ...(m.note ? { note: m.note } : {}) }}
                  unit={kpi.unit}
                  submitLabel={messages.common.save}
                  onCancel={() => setEditing(undefined)}
                  onSubmit={async (input) => {
                    const result = await props.onUpdate(m.id, input);
                    if (result.ok) setEditing(undefined);
                    return result;
                  }}
                />
              </Box>
            </tr>
          ) : (
            <tr key={m.id}>
              <Box as="th" xcss={cellStyles} {...{ scope: 'row' }}>
                <time dateTime={m.date}>{formatDay(m.date)}</time>
              </Box>
              <Box as="td" xcss={[cellStyles, numberStyles]}>{formatValue(m.value, kpi.unit)}</Box>
              <Box as="td" xcss={cellStyles}>{m.note ?? ''}</Box>
              <Box as="td" xcss={cellStyles}>
                <Text size="small" color="color.text.subtle">{recorder(m)}</Text>
              </Box>
              {props.editable ? (
                <Box as="td" xcss={cellStyles}>
                  {confirming === m.id ? (
                    <Inline space="space.050" alignBlock="center">
                      <Text size="small">{k.confirmDeleteMeasurement(formatDay(m.date))}</Text>
                      <Button spacing="compact" appearance="danger" autoFocus onClick={() => void props.onDelete(m.id).then(() => setConfirming(undefined))}>
                        {messages.common.delete}
                      </Button>
                      <Button spacing="compact" appearance="subtle" onClick={() => setConfirming(undefined)}>
                        {messages.common.cancel}
                      </Button>
                    </Inline>
                  ) : (
                    <Inline space="space.050">
                      <Button spacing="compact" appearance="subtle" aria-label={k.editMeasurement(formatDay(m.date))} onClick={() => setEditing(m.id)}>
                        {messages.common.edit}
                      </Button>
                      <Button spacing="compact" appearance="subtle" aria-label={k.deleteMeasurement(formatDay(m.date))} onClick={() => setConfirming(m.id)}>
                        {messages.common.delete}
                      </Button>
                    </Inline>
                  )}
                </Box>
              ) : null}
            </tr>
          ),
        )}
      </tbody>
    </Box>
  );
}
