import { useEffect, useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { KpiHistory, KpiView, MeasurementInput } from '../../../../src/contract';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { ConflictNotice } from '../../../shared/conflict-notice';
import { attempt } from '../../../shared/errors';
import type { Attempt, UiError } from '../../../shared/errors';
import { ErrorMessage } from '../../../shared/error-message';
import { formatDay, formatValue } from '../../../shared/format';
import { Loading } from '../../../shared/loading';
import { messages } from '../../../shared/messages';
import { WriteError } from '../../../shared/write-error';
import type { StrategyChange } from '../strategy-state';
import { KpiChart } from './kpi-chart';
import { KpiForm } from './kpi-form';
import { MeasurementForm } from './measurement-form';
import { MeasurementTable } from './measurement-table';
import { RefreshIcon } from '../../../shared/icons';

const k = messages.kpis;
const panelStyles = xcss({
  padding: 'space.200',
  borderRadius: 'radius.medium',
  backgroundColor: 'elevation.surface.sunken',
});

type Load = { status: 'loading' } | { status: 'ready'; history: KpiHistory } | { status: 'failed'; error: UiError };
/** A change to the series that met a newer series: kept to reapply onto it. */
type Pending = { current: KpiHistory; redo: (seriesVersion: number) => Promise<Attempt<KpiHistory>> };

/**
 * An opened KPI: its chart, its measurements, and what editors may do: add, correct or delete a
 * manual measurement, take a JQL measurement now, edit or delete the KPI.
 */
export function KpiDetail(props: { kpi: KpiView; canEdit: boolean; onChange: (change: StrategyChange) => void; onDeleted: () => void }) {
  const { kpi, canEdit } = props;
  const announce = useAnnounce();
  const tableId = useId();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attemptNo, setAttemptNo] = useState(0);
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [pending, setPending] = useState<Pending>();
  const [error, setError] = useState<UiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    void attempt(() => invoke('getKpiHistory', { id: kpi.id })).then((result) => {
      if (current) setLoad(result.ok ? { status: 'ready', history: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [kpi.id, attemptNo]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') return <ErrorMessage error={load.error} onRetry={() => setAttemptNo((n) => n + 1)} headingLevel="h5" />;
  const history = load.history;

  const accept = (next: KpiHistory) => {
    setLoad({ status: 'ready', history: next });
    props.onChange({ type: 'kpi', kpi: next.kpi });
  };

  /** Runs a change of the series; a conflict keeps it to be reapplied onto the newer series. */
  const change = async (redo: Pending['redo'], said: (h: KpiHistory) => string): Promise<Attempt<KpiHistory>> => {
    setError(undefined);
    const result = await redo(history.seriesVersion);
    if (result.ok) {
      setPending(undefined);
      accept(result.value);
      announce(said(result.value));
    } else if (result.error.code === 'conflict' && result.error.current) {
      setPending({ current: result.error.current, redo });
    } else if (result.error.code !== 'invalid') setError(result.error);
    return result;
  };
  const valueText = (input: MeasurementInput) => formatValue(input.value, kpi.unit);

  const add = (input: MeasurementInput) =>
    change((v) => attempt(() => invoke('addMeasurement', { kpiId: kpi.id, measurement: input, baseVersion: v })), () => k.measurementAdded(valueText(input), formatDay(input.date)));
  const update = (id: string, input: MeasurementInput) =>
    change((v) => attempt(() => invoke('updateMeasurement', { kpiId: kpi.id, id, measurement: input, baseVersion: v })), () => k.measurementSaved(valueText(input), formatDay(input.date)));
  const remove = (id: string) => {
    const date = history.measurements.find((m) => m.id === id)?.date ?? '';
    return change((v) => attempt(() => invoke('deleteMeasurement', { kpiId: kpi.id, id, baseVersion: v })), () => k.measurementDeleted(formatDay(date)));
  };
  const refresh = async () => {
    setBusy(true);
    const result = await attempt(() => invoke('refreshKpi', { id: kpi.id }));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    accept(result.value);
    const latest = result.value.kpi.latest;
    if (latest) announce(k.refreshed(formatValue(latest.value, kpi.unit)));
  };
  const deleteKpi = async () => {
    setBusy(true);
    const result = await attempt(() => invoke('deleteKpi', { id: kpi.id, baseVersion: kpi.version }));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    props.onChange({ type: 'kpi-removed', goalId: kpi.goalId, id: kpi.id });
    announce(k.kpiDeleted(kpi.name));
    props.onDeleted();
  };

  const manual = kpi.source.kind === 'manual';
  return (
    <Box xcss={panelStyles} testId={`kpi-detail-${kpi.id}`}>
      <Stack space="space.200">
        {canEdit ? (
          <Inline space="space.100" shouldWrap>
            {!manual ? (
              <Button iconBefore={RefreshIcon} onClick={() => void refresh()} isLoading={busy}>
                {k.refresh}
              </Button>
            ) : null}
            <Button onClick={() => setMode('edit')}>{k.editKpi}</Button>
            <Button appearance="subtle" onClick={() => setMode('delete')}>
              {k.deleteKpi}
            </Button>
          </Inline>
        ) : null}
        {!manual ? <Text size="small" color="color.text.subtle">{canEdit ? k.jqlSourceNote : k.jqlSourceNoteReader}</Text> : null}
        {mode === 'edit' ? (
          <KpiForm
            goalId={kpi.goalId}
            kpi={kpi}
            onCancel={() => setMode('view')}
            onSaved={(saved) => {
              props.onChange({ type: 'kpi', kpi: saved });
              announce(k.kpiSaved(saved.name));
              setMode('view');
              setAttemptNo((n) => n + 1);
            }}
          />
        ) : null}
        {mode === 'delete' ? (
          <SectionMessage
            appearance="warning"
            title={k.confirmDeleteKpi(kpi.name)}
            headingLevel="h5"
            actions={[
              <Button key="delete" appearance="danger" onClick={() => void deleteKpi()} isLoading={busy}>
                {k.deleteKpi}
              </Button>,
              <Button key="cancel" autoFocus onClick={() => setMode('view')}>
                {messages.common.cancel}
              </Button>,
            ]}
          >
            <Text as="p">{k.confirmDeleteKpiBody(history.measurements.length)}</Text>
          </SectionMessage>
        ) : null}
        {error ? <WriteError error={error} headingLevel="h5" /> : null}
        {pending ? (
          <ConflictNotice
            headingLevel="h5"
            isBusy={busy}
            onReapply={() => void pending.redo(pending.current.seriesVersion).then((r) => (r.ok ? (setPending(undefined), accept(r.value)) : undefined))}
            onDiscard={() => {
              accept(pending.current);
              setPending(undefined);
            }}
          />
        ) : null}
        <Heading size="xxsmall" as="h5">
          {k.chartHeading}
        </Heading>
        <KpiChart kpi={history.kpi} measurements={history.measurements} tableId={tableId} />
        {canEdit && manual ? (
          <Stack space="space.100">
            <Heading size="xxsmall" as="h5">
              {k.addMeasurement}
            </Heading>
            <MeasurementForm unit={kpi.unit} submitLabel={k.addMeasurement} onSubmit={add} resetOnSave />
          </Stack>
        ) : null}
        <MeasurementTable id={tableId} history={history} editable={canEdit && manual} onUpdate={update} onDelete={remove} />
      </Stack>
    </Box>
  );
}
