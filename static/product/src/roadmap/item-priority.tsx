import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { RoadmapItemInput, RoadmapItemView, RoadmapView, UserRef } from '../../../../src/contract';
import { impactScale, methodInputs } from '../../../../src/domain/scoring';
import type { LiveOrEntered, ScoreInputName, ScoreInputs } from '../../../../src/domain/scoring';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt, fieldError } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { messages } from '../../../shared/messages';
import { scoreSentence } from '../../../shared/messages/score-explanation';
import { NativeSelect } from '../../../shared/native-select';
import { UserLabel } from '../../../shared/user-label';
import { WriteError } from '../../../shared/write-error';
import { OwnerPicker } from '../goals/owner-picker';
import { factsOf } from './priority-model';
import type { RoadmapChange } from './roadmap-state';
import { useScores } from './scores-context';
import './priority.css';

const p = messages.priority;
const sectionStyles = xcss({ borderBlockStartWidth: 'border.width', borderBlockStartStyle: 'solid', borderBlockStartColor: 'color.border', paddingBlockStart: 'space.150' });

/** The item as an input that changes nothing by itself: absent optional fields stay as stored. */
export function itemInputOf(item: RoadmapItemView): RoadmapItemInput {
  return {
    title: item.title,
    description: item.description,
    goalId: item.goalId ?? null,
    laneId: item.laneId ?? null,
    horizon: item.horizon,
    startDate: item.startDate ?? null,
    endDate: item.endDate ?? null,
    status: item.status,
  };
}

/**
 * The item panel's owner and priority section: who owns it (editors pick from the people who can
 * browse the project, as for goals), its score explained in one sentence, and its score inputs,
 * each entered or taken live (reach from evidence, effort from the epics' remaining points).
 */
export function ItemPriority(props: { item: RoadmapItemView; view: RoadmapView; onChange: (change: RoadmapChange) => void; refresh: () => Promise<boolean> }) {
  const { item, view } = props;
  const canEdit = view.viewer.canEdit;
  const announce = useAnnounce();
  const { method, byItem } = useScores();
  const score = byItem.get(item.id);
  const [error, setError] = useState<UiError>();
  const [busy, setBusy] = useState(false);

  const save = async (change: Pick<RoadmapItemInput, 'ownerAccountId' | 'scoreInputs'>, said: (saved: RoadmapItemView) => string) => {
    setBusy(true);
    setError(undefined);
    const result = await attempt(() => invoke('updateRoadmapItem', { id: item.id, item: { ...itemInputOf(item), ...change }, baseVersion: item.version }));
    setBusy(false);
    if (result.ok) {
      props.onChange({ type: 'item', item: result.value });
      announce(said(result.value));
      return true;
    }
    setError(result.error);
    if (result.error.code === 'conflict') await props.refresh();
    return false;
  };

  return (
    <Box xcss={sectionStyles} testId="item-priority">
      <Stack space="space.150">
        <Heading size="xsmall" as="h4">
          {p.ownerSection}
        </Heading>
        <Stack space="space.075">
          {/* The picker labels its own field ("Owner"); readers get the label here. */}
          {canEdit ? null : (
            <Text size="small" weight="semibold" color="color.text.subtle">
              {p.owner}
            </Text>
          )}
          {canEdit ? (
            <OwnerPicker
              value={item.owner ?? null}
              onChange={(user: UserRef | null) => void save({ ownerAccountId: user?.accountId ?? null }, (saved) => p.ownerSaved(saved.title, saved.owner?.displayName))}
              error={fieldError(error, 'item.ownerAccountId')}
            />
          ) : item.owner ? (
            <UserLabel user={item.owner} size="xsmall" />
          ) : (
            <Text color="color.text.subtlest">{p.noOwner}</Text>
          )}
        </Stack>
        {score ? (
          <Text size="small" testId="item-score-sentence">
            {scoreSentence(score)}
          </Text>
        ) : null}
        {method === 'none' ? (
          <Text size="small" color="color.text.subtlest">
            {p.scoreOff}
          </Text>
        ) : canEdit ? (
          <ScoreInputsForm key={`${item.id}:${item.version}`} item={item} inputs={methodInputs[method]} busy={busy} error={error} onSave={(scoreInputs) => save({ scoreInputs }, (saved) => p.inputsSaved(saved.title))} />
        ) : null}
        {error && !fieldError(error, 'item.ownerAccountId') && !fieldError(error, 'item.scoreInputs') ? <WriteError error={error} headingLevel="h5" /> : null}
      </Stack>
    </Box>
  );
}

type Draft = Record<ScoreInputName, string> & { reachLive: boolean; effortLive: boolean };

const text = (value: number | undefined) => (value === undefined ? '' : String(value));
const draftOf = (inputs: ScoreInputs | undefined): Draft => ({
  reach: inputs?.reach?.source === 'entered' ? text(inputs.reach.value) : '',
  reachLive: inputs?.reach === undefined || inputs.reach.source === 'live',
  impact: text(inputs?.impact),
  confidence: text(inputs?.confidence),
  value: text(inputs?.value),
  effort: inputs?.effort?.source === 'entered' ? text(inputs.effort.value) : '',
  effortLive: inputs?.effort === undefined || inputs.effort.source === 'live',
});

/**
 * The draft as inputs: blanks are left out (missing), numbers sent as typed for the server to bound.
 * Only the inputs the method shows are touched: the others stay as stored, for a switch back.
 */
function inputsOf(draft: Draft, item: RoadmapItemView, shown: readonly ScoreInputName[]): ScoreInputs {
  const number = (value: string) => (value.trim() === '' ? undefined : Number(value));
  const liveOr = (live: boolean, value: string): LiveOrEntered | undefined => (live ? { source: 'live' } : number(value) === undefined ? undefined : { source: 'entered', value: number(value)! });
  const kept = item.scoreInputs ?? {};
  const next: ScoreInputs = { ...kept };
  const set = <K extends keyof ScoreInputs>(key: K, value: ScoreInputs[K] | undefined) => {
    if (!shown.includes(key)) return;
    if (value === undefined) delete next[key];
    else next[key] = value;
  };
  set('reach', liveOr(draft.reachLive, draft.reach));
  set('impact', number(draft.impact));
  set('confidence', number(draft.confidence));
  set('value', number(draft.value));
  set('effort', liveOr(draft.effortLive, draft.effort));
  return next;
}

function ScoreInputsForm(props: { item: RoadmapItemView; inputs: readonly ScoreInputName[]; busy: boolean; error: UiError | undefined; onSave: (inputs: ScoreInputs) => Promise<boolean> }) {
  const { item } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(item.scoreInputs));
  useEffect(() => setDraft(draftOf(item.scoreInputs)), [item.scoreInputs]);
  const facts = factsOf(item);
  const shows = (name: ScoreInputName) => props.inputs.includes(name);
  const errorOf = (name: ScoreInputName) => fieldError(props.error, `item.scoreInputs.${name}`);
  const set = (part: Partial<Draft>) => setDraft((current) => ({ ...current, ...part }));
  const numberField = (name: 'confidence' | 'value', label: string, disabled = false) => (
    <Field label={label} error={errorOf(name)}>
      {(control) => (
        <input {...control} type="number" inputMode="decimal" step="any" min={0} className="find-input pr-number" disabled={disabled} value={draft[name]} onChange={(event) => set({ [name]: event.target.value })} />
      )}
    </Field>
  );
  const source = (name: 'reach' | 'effort', liveLabel: string) => {
    const live = name === 'reach' ? draft.reachLive : draft.effortLive;
    const key = name === 'reach' ? 'reachLive' : 'effortLive';
    return (
      <Box as="fieldset" xcss={xcss({ borderStyle: 'none', padding: 'space.0', margin: 'space.0' })}>
        <Box as="legend" xcss={xcss({ font: 'font.body.small', fontWeight: 'font.weight.semibold', color: 'color.text.subtle', padding: 'space.0' })}>
          {name === 'reach' ? p.reach : p.effort}
        </Box>
        <Stack space="space.050">
          <label>
            <input type="radio" className="pr-check" name={`${item.id}-${name}`} checked={live} onChange={() => set({ [key]: true })} /> <Text size="small">{liveLabel}</Text>
          </label>
          <Inline space="space.075" alignBlock="center">
            <label>
              <input type="radio" className="pr-check" name={`${item.id}-${name}`} checked={!live} onChange={() => set({ [key]: false })} /> <Text size="small">{p.entered}</Text>
            </label>
            {!live ? (
              <input
                type="number"
                inputMode="decimal"
                step="any"
                min={0}
                className="find-input pr-number"
                aria-label={name === 'reach' ? p.reach : p.effort}
                aria-invalid={errorOf(name) ? true : undefined}
                aria-describedby={errorOf(name) ? `${item.id}-${name}-error` : undefined}
                value={draft[name]}
                onChange={(event) => set({ [name]: event.target.value })}
              />
            ) : null}
          </Inline>
          {errorOf(name) ? (
            <Text size="small" color="color.text.danger" id={`${item.id}-${name}-error`}>
              {errorOf(name)}
            </Text>
          ) : null}
        </Stack>
      </Box>
    );
  };
  return (
    <Box as="form" onSubmit={(event: React.FormEvent) => {
      event.preventDefault();
      void props.onSave(inputsOf(draft, item, props.inputs));
    }}>
      <Stack space="space.150">
        <Heading size="xxsmall" as="h5">
          {p.scoreHeading}
        </Heading>
        {shows('reach') ? source('reach', p.fromEvidence(facts.evidence?.count)) : null}
        {shows('impact') ? (
          <Field label={p.impact} error={errorOf('impact')}>
            {(control) => (
              <NativeSelect
                {...control}
                value={draft.impact}
                onChange={(impact) => set({ impact })}
                options={[{ value: '', label: p.notSet }, ...impactScale.map((value) => ({ value: String(value), label: p.impactScale[value] ?? String(value) }))]}
              />
            )}
          </Field>
        ) : null}
        {shows('confidence') ? numberField('confidence', p.confidence) : null}
        {shows('value') ? numberField('value', p.value) : null}
        {shows('effort') ? source('effort', p.fromEpics(facts.remainingPoints)) : null}
        <Inline>
          <Button type="submit" spacing="compact" isLoading={props.busy}>
            {p.saveInputs}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
