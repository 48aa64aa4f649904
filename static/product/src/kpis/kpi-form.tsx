import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { KpiInput, KpiView } from '../../../../src/contract';
import type { KpiDirection, KpiSource } from '../../../../src/domain/strategy';
import { invoke } from '../../../shared/bridge';
import { ConflictNotice } from '../../../shared/conflict-notice';
import { attempt, fieldError } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { formatDay, formatValue, localToday } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { numberEntry } from '../../../shared/messages/number-entry';
import { RadioGroup } from '../../../shared/radio-group';
import { rebase } from '../../../shared/rebase';
import { WriteError } from '../../../shared/write-error';
import { DatedValueFields } from './dated-value-fields';
import { JqlFields } from './jql-fields';

const k = messages.kpis;
const formStyles = xcss({
  padding: 'space.200',
  borderRadius: 'radius.medium',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border.focused',
  backgroundColor: 'elevation.surface',
});
const fieldPaths = ['kpi.name', 'kpi.unit', 'kpi.direction', 'kpi.baseline', 'kpi.target', 'kpi.source'];

type Draft = { name: string; unit: string; direction: KpiDirection; baselineValue: string; baselineDate: string; targetValue: string; targetDate: string; source: KpiSource };

function draftOf(kpi?: KpiView): Draft {
  const today = localToday();
  return {
    name: kpi?.name ?? '',
    unit: kpi?.unit ?? '',
    direction: kpi?.direction ?? 'increase',
    baselineValue: kpi ? String(kpi.baseline.value) : '',
    baselineDate: kpi?.baseline.date ?? today,
    targetValue: kpi ? String(kpi.target.value) : '',
    targetDate: kpi?.target.date ?? `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    source: kpi?.source ?? { kind: 'manual' },
  };
}

/** The draft as the contract's input, or the first field that is not a number. */
function toInput(draft: Draft): { ok: true; input: KpiInput } | { ok: false; field: string; label: string; empty: boolean } {
  const number = (text: string) => (text.trim() === '' ? NaN : Number(text));
  const baseline = number(draft.baselineValue);
  const target = number(draft.targetValue);
  if (!Number.isFinite(baseline)) return { ok: false, field: 'kpi.baseline.value', label: k.baselineValue, empty: draft.baselineValue.trim() === '' };
  if (!Number.isFinite(target)) return { ok: false, field: 'kpi.target.value', label: k.targetValue, empty: draft.targetValue.trim() === '' };
  return {
    ok: true,
    input: {
      name: draft.name.trim(),
      unit: draft.unit.trim(),
      direction: draft.direction,
      baseline: { value: baseline, date: draft.baselineDate },
      target: { value: target, date: draft.targetDate },
      source: draft.source,
    },
  };
}

/**
 * A KPI's definition: name, unit, good direction, baseline and target (value and day), and where
 * its numbers come from (people, a JQL count or a JQL ratio, checked against Jira before saving).
 */
export function KpiForm(props: { goalId: string; kpi?: KpiView; onSaved: (kpi: KpiView) => void; onCancel: () => void }) {
  const { kpi } = props;
  const [draft, setDraft] = useState(() => draftOf(kpi));
  const [error, setError] = useState<UiError<KpiView>>();
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  // The KPI this draft started from: a conflict's reapply keeps what changed since, takes the rest from theirs.
  const base = useRef(draftOf(kpi));
  const headingId = `kpi-form-${kpi?.id ?? props.goalId}`;
  useEffect(() => nameInput.current?.focus(), []);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (baseVersion = kpi?.version, from: Draft = draft) => {
    if (!from.name.trim()) return setError({ code: 'invalid', field: 'kpi.name', message: messages.common.fieldRequired(k.name) });
    const parsed = toInput(from);
    if (!parsed.ok) return setError({ code: 'invalid', field: parsed.field, message: parsed.empty ? numberEntry.empty : messages.common.notANumber(parsed.label) });
    setBusy(true);
    const result = await attempt(() =>
      kpi ? invoke('updateKpi', { id: kpi.id, kpi: parsed.input, baseVersion: baseVersion ?? kpi.version }) : invoke('createKpi', { goalId: props.goalId, kpi: parsed.input }),
    );
    setBusy(false);
    if (result.ok) props.onSaved(result.value);
    else setError(result.error);
  };

  const reapply = (current: KpiView) => {
    const theirs = draftOf(current);
    const merged = rebase(base.current, draft, theirs);
    base.current = theirs;
    setDraft(merged);
    void submit(current.version, merged);
  };

  const conflict = error?.code === 'conflict' ? error.current : undefined;
  const sourceKinds = ['manual', 'jql-count', 'jql-ratio'] as const;
  const switchSource = (kind: KpiSource['kind']) =>
    set('source', kind === 'manual' ? { kind } : kind === 'jql-count' ? { kind, jql: jqlOf(draft.source) } : { kind, numeratorJql: jqlOf(draft.source), denominatorJql: '' });

  return (
    <Box as="form" xcss={formStyles} aria-labelledby={headingId} noValidate onSubmit={(event: React.FormEvent) => (event.preventDefault(), conflict ? reapply(conflict) : void submit())}
      onKeyDown={(event: React.KeyboardEvent) => {
        if (event.key === 'Escape' && !busy) props.onCancel();
      }}>
      <Stack space="space.200">
        <Heading size="xsmall" as="h5" id={headingId}>
          {kpi ? k.editHeading(kpi.name) : k.createHeading}
        </Heading>
        <Inline space="space.200" shouldWrap alignBlock="start">
          <Field label={k.name} isRequired error={fieldError(error, 'kpi.name')}>
            {(control) => <Textfield {...control} ref={nameInput} width={280} value={draft.name} onChange={(e) => set('name', (e.target as HTMLInputElement).value)} />}
          </Field>
          <Field label={k.unit} helper={k.unitHelper} error={fieldError(error, 'kpi.unit')}>
            {(control) => <Textfield {...control} width={140} value={draft.unit} onChange={(e) => set('unit', (e.target as HTMLInputElement).value)} />}
          </Field>
        </Inline>
        <RadioGroup
          legend={k.direction}
          value={draft.direction}
          onChange={(direction) => set('direction', direction)}
          options={(['increase', 'decrease'] as const).map((d) => ({ value: d, label: k.directions[d] }))}
          error={fieldError(error, 'kpi.direction')}
        />
        <Inline space="space.200" shouldWrap alignBlock="start">
          <DatedValueFields legend={k.baseline} prefix="kpi.baseline" error={error} value={draft.baselineValue} date={draft.baselineDate} unit={draft.unit}
            labels={[k.baselineValue, k.baselineDate]} onValue={(v) => set('baselineValue', v)} onDate={(d) => set('baselineDate', d)} />
          <DatedValueFields legend={k.target} prefix="kpi.target" error={error} value={draft.targetValue} date={draft.targetDate} unit={draft.unit}
            labels={[k.targetValue, k.targetDate]} onValue={(v) => set('targetValue', v)} onDate={(d) => set('targetDate', d)} />
        </Inline>
        <RadioGroup
          legend={k.sourceLegend}
          value={draft.source.kind}
          onChange={switchSource}
          options={sourceKinds.map((kind) => ({ value: kind, label: k.sources[kind] }))}
          error={fieldError(error, 'kpi.source.kind') ?? (error?.field === 'kpi.source' ? error.message : undefined)}
        />
        {draft.source.kind !== 'manual' ? <JqlFields source={draft.source} onChange={(source) => set('source', source)} saveError={error} /> : null}
        {conflict ? (
          <ConflictNotice headingLevel="h6" isBusy={busy} onReapply={() => {
              const theirs = draftOf(conflict);
              const merged = rebase(base.current, draft, theirs);
              base.current = theirs;
              setDraft(merged);
              void submit(conflict.version, merged);
            }} onDiscard={() => props.onSaved(conflict)}>
            <Text as="p">
              <Text weight="semibold">{messages.common.conflictTheirs}: </Text>“{conflict.name}” ·{' '}
              {k.baselineToTarget(formatValue(conflict.baseline.value, conflict.unit), formatValue(conflict.target.value, conflict.unit), formatDay(conflict.target.date))}
            </Text>
          </ConflictNotice>
        ) : error && !fieldPaths.some((p) => fieldError(error, p)) ? (
          <WriteError error={error} headingLevel="h6" />
        ) : null}
        <Inline space="space.100">
          <Button appearance="primary" type="submit" isLoading={busy}>
            {kpi ? messages.common.save : k.create}
          </Button>
          <Button appearance="subtle" onClick={props.onCancel} isDisabled={busy}>
            {messages.common.cancel}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

const jqlOf = (source: KpiSource) => (source.kind === 'jql-count' ? source.jql : source.kind === 'jql-ratio' ? source.numeratorJql : '');
