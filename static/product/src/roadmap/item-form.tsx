import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import type { RoadmapItemInput, RoadmapItemView, RoadmapView } from '../../../../src/contract';
import { horizons, itemStatuses } from '../../../../src/domain/roadmap';
import { invoke } from '../../../shared/bridge';
import { attempt, fieldError, isFieldError } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { messages } from '../../../shared/messages';
import { NativeSelect } from '../../../shared/native-select';
import { rebase } from '../../../shared/rebase';
import { MergeConflict } from '../../../shared/merge-conflict';
import type { MergeField } from '../../../shared/merge-conflict';
import { WriteError } from '../../../shared/write-error';

const m = messages.roadmap;
const fieldPaths = ['item.title', 'item.description', 'item.goalId', 'item.laneId', 'item.horizon', 'item.startDate', 'item.endDate', 'item.status'];
const none = '';
const dateStyles = xcss({ minWidth: '10rem' });

export const itemInput = (item: RoadmapItemView): RoadmapItemInput => ({
  title: item.title,
  description: item.description,
  goalId: item.goalId ?? null,
  laneId: item.laneId ?? null,
  horizon: item.horizon,
  startDate: item.startDate ?? null,
  endDate: item.endDate ?? null,
  status: item.status,
});

export const blankItem = (preset: Partial<RoadmapItemInput> = {}): RoadmapItemInput => ({
  title: '',
  description: '',
  goalId: null,
  laneId: null,
  horizon: 'now',
  startDate: null,
  endDate: null,
  status: 'planned',
  ...preset,
});

/**
 * A roadmap item's form, in the details panel: new with `createRoadmapItem`, or an edit with
 * `updateRoadmapItem` on the version it started from. Errors appear next to the field the server
 * names; a conflict keeps the draft and offers to save it onto their version.
 */
export function ItemForm(props: {
  item?: RoadmapItemView;
  preset?: Partial<RoadmapItemInput>;
  view: Pick<RoadmapView, 'goals' | 'lanes' | 'laneMode'>;
  onSaved: (item: RoadmapItemView) => void;
  onCancel: () => void;
}) {
  const { item, view } = props;
  const [draft, setDraft] = useState<RoadmapItemInput>(item ? itemInput(item) : blankItem(props.preset));
  const [error, setError] = useState<UiError<RoadmapItemView>>();
  const [busy, setBusy] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const base = useRef(item);
  const headingId = `roadmap-item-form-${item?.id ?? 'new'}`;
  const set = <K extends keyof RoadmapItemInput>(key: K, value: RoadmapItemInput[K]) => setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => titleInput.current?.focus(), []);

  const save = async (input: RoadmapItemInput, baseVersion?: number) => {
    const clean = { ...input, title: input.title.trim() };
    if (!clean.title) {
      setError({ code: 'invalid', field: 'item.title', message: messages.common.fieldRequired(m.title) });
      titleInput.current?.focus();
      return;
    }
    if (clean.startDate && clean.endDate && clean.endDate < clean.startDate) {
      setError({ code: 'invalid', field: 'item.endDate', message: m.datesInvalid });
      return;
    }
    setBusy(true);
    const result = await attempt(() =>
      item ? invoke('updateRoadmapItem', { id: item.id, item: clean, baseVersion: baseVersion ?? item.version }) : invoke('createRoadmapItem', { item: clean }),
    );
    setBusy(false);
    if (result.ok) props.onSaved(result.value);
    else setError(result.error);
  };

  const reapply = (theirs: RoadmapItemView, settled?: RoadmapItemInput) => {
    const merged = settled ?? rebase(itemInput(base.current ?? theirs), draft, itemInput(theirs));
    base.current = theirs;
    setDraft(merged);
    void save(merged, theirs.version);
  };

  const conflict = error?.code === 'conflict' ? error.current : undefined;
  const goalOptions = [{ value: none, label: m.noGoalOption }, ...view.goals.filter((g) => g.status !== 'archived' || g.id === draft.goalId).map((g) => ({ value: g.id, label: g.title }))];
  const laneOptions = [{ value: none, label: m.noLaneOption }, ...view.lanes.map((l) => ({ value: l.id, label: l.name }))];
  return (
    <Box
      as="form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        if (conflict) reapply(conflict);
        else void save(draft);
      }}
      onKeyDown={(event: React.KeyboardEvent) => {
        if (event.key === 'Escape' && !busy) {
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <Stack space="space.200">
        <Heading size="small" as="h3" id={headingId}>
          {item ? m.editHeading(item.title) : m.createHeading}
        </Heading>
        <Field label={m.title} isRequired error={fieldError(error, 'item.title')}>
          {(control) => <Textfield {...control} ref={titleInput} value={draft.title} onChange={(e) => set('title', (e.target as HTMLInputElement).value)} />}
        </Field>
        <Field label={m.description} error={fieldError(error, 'item.description')}>
          {(control) => <TextArea {...control} value={draft.description} minimumRows={2} resize="vertical" onChange={(e) => set('description', e.target.value)} />}
        </Field>
        <Inline space="space.200" shouldWrap alignBlock="start">
          <Field label={m.goal} error={fieldError(error, 'item.goalId')}>
            {(control) => <NativeSelect {...control} value={draft.goalId ?? none} options={goalOptions} onChange={(v) => set('goalId', v || null)} />}
          </Field>
          {view.laneMode === 'custom' || draft.laneId ? (
            <Field label={m.lane} error={fieldError(error, 'item.laneId')}>
              {(control) => <NativeSelect {...control} value={draft.laneId ?? none} options={laneOptions} onChange={(v) => set('laneId', v || null)} />}
            </Field>
          ) : null}
        </Inline>
        <Inline space="space.200" shouldWrap alignBlock="start">
          <Field label={m.statusLabel} error={fieldError(error, 'item.status')}>
            {(control) => <NativeSelect {...control} value={draft.status} options={itemStatuses.map((s) => ({ value: s, label: m.status[s] }))} onChange={(v) => set('status', v)} />}
          </Field>
          <Field label={m.horizon} error={fieldError(error, 'item.horizon')}>
            {(control) => <NativeSelect {...control} value={draft.horizon} options={horizons.map((h) => ({ value: h, label: m.horizons[h] }))} onChange={(v) => set('horizon', v)} />}
          </Field>
        </Inline>
        <Inline space="space.200" shouldWrap alignBlock="start">
          <Box xcss={dateStyles}>
            <Field label={m.startDate} error={fieldError(error, 'item.startDate')}>
              {(control) => <Textfield {...control} type="date" value={draft.startDate ?? ''} onChange={(e) => set('startDate', (e.target as HTMLInputElement).value || null)} />}
            </Field>
          </Box>
          <Box xcss={dateStyles}>
            <Field label={m.endDate} error={fieldError(error, 'item.endDate')}>
              {(control) => <Textfield {...control} type="date" value={draft.endDate ?? ''} onChange={(e) => set('endDate', (e.target as HTMLInputElement).value || null)} />}
            </Field>
          </Box>
        </Inline>
        {conflict ? (
          <MergeConflict
            stamp={conflict.updated}
            isBusy={busy}
            base={itemInput(base.current ?? conflict)}
            mine={draft}
            theirs={itemInput(conflict)}
            fields={itemMergeFields(view)}
            onApply={(merged) => reapply(conflict, merged)}
            onDiscard={() => props.onSaved(conflict)}
          />
        ) : error && !isFieldError(error, fieldPaths) ? (
          <WriteError error={error} headingLevel="h4" />
        ) : null}
        <Inline space="space.100">
          <Button appearance="primary" type="submit" isLoading={busy}>
            {item ? messages.common.save : m.create}
          </Button>
          <Button appearance="subtle" onClick={props.onCancel} isDisabled={busy}>
            {messages.common.cancel}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

/** The item's fields as a conflict shows them, goals and lanes by name. */
function itemMergeFields(view: Pick<RoadmapView, 'goals' | 'lanes'>): Array<MergeField<RoadmapItemInput>> {
  const m = messages.roadmap;
  return [
    { key: 'title', label: m.title, show: (item) => item.title },
    { key: 'description', label: m.description, show: (item) => item.description },
    { key: 'goalId', label: m.goal, show: (item) => view.goals.find((goal) => goal.id === item.goalId)?.title ?? '' },
    { key: 'laneId', label: m.lane, show: (item) => view.lanes.find((lane) => lane.id === item.laneId)?.name ?? '' },
    { key: 'horizon', label: m.horizon, show: (item) => m.horizons[item.horizon] },
    { key: 'startDate', label: m.startDate, show: (item) => item.startDate ?? '' },
    { key: 'endDate', label: m.endDate, show: (item) => item.endDate ?? '' },
    { key: 'status', label: m.statusLabel, show: (item) => m.status[item.status] },
  ];
}
