import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import type { GoalInput, GoalView, UserRef } from '../../../../src/contract';
import { goalStatuses } from '../../../../src/domain/strategy';
import { invoke } from '../../../shared/bridge';
import { attempt, exactFieldError, fieldError, isFieldError } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { formatTimeFrame } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { NativeSelect } from '../../../shared/native-select';
import { rebase } from '../../../shared/rebase';
import { MergeConflict } from '../../../shared/merge-conflict';
import type { MergeField } from '../../../shared/merge-conflict';
import { WriteError } from '../../../shared/write-error';
import { OwnerPicker } from './owner-picker';
import { TimeFrameField } from './time-frame-field';

const m = messages.goals;
const formStyles = xcss({
  padding: 'space.200',
  borderRadius: 'radius.large',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border.focused',
  backgroundColor: 'elevation.surface.raised',
  boxShadow: 'elevation.shadow.raised',
});
const fieldPaths = ['goal.title', 'goal.description', 'goal.ownerAccountId', 'goal.status', 'goal.timeFrame'];

export const goalInput = (goal: GoalView): GoalInput => ({
  title: goal.title,
  description: goal.description,
  ownerAccountId: goal.owner?.accountId ?? null,
  status: goal.status,
  timeFrame: goal.timeFrame,
});

/**
 * A goal's form, inline where the goal is (Forge's iframe makes modals awkward): new with
 * `createGoal`, or an edit with `updateGoal` on the version it started from. Errors appear next to
 * the field the server names; a conflict keeps the draft and offers to save it onto their version.
 */
export function GoalForm(props: { goal?: GoalView; onSaved: (goal: GoalView) => void; onCancel: () => void }) {
  const { goal } = props;
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [owner, setOwner] = useState<UserRef | null>(goal?.owner ?? null);
  const [status, setStatus] = useState(goal?.status ?? 'on-track');
  const [timeFrame, setTimeFrame] = useState(goal?.timeFrame ?? { kind: 'none' as const });
  const [error, setError] = useState<UiError<GoalView>>();
  const [busy, setBusy] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  // The goal this draft started from: a conflict's reapply keeps what changed since, takes the rest from theirs.
  const base = useRef(goal);
  const headingId = `goal-form-${goal?.id ?? 'new'}`;

  useEffect(() => titleInput.current?.focus(), []);

  const draft = (): GoalInput => ({ title: title.trim(), description, ownerAccountId: owner?.accountId ?? null, status, timeFrame });

  const save = async (input: GoalInput, baseVersion?: number) => {
    if (!input.title) {
      setError({ code: 'invalid', field: 'goal.title', message: messages.common.fieldRequired(m.title) });
      titleInput.current?.focus();
      return;
    }
    setBusy(true);
    const result = await attempt(() =>
      goal ? invoke('updateGoal', { id: goal.id, goal: input, baseVersion: baseVersion ?? goal.version }) : invoke('createGoal', { goal: input }),
    );
    setBusy(false);
    if (result.ok) props.onSaved(result.value);
    else setError(result.error);
  };

  const reapply = (theirs: GoalView, settled?: GoalInput) => {
    const started = base.current ?? theirs;
    const merged = settled ?? rebase(goalInput(started), draft(), goalInput(theirs));
    base.current = theirs;
    setTitle(merged.title);
    setDescription(merged.description);
    setOwner(merged.ownerAccountId === (owner?.accountId ?? null) ? owner : (theirs.owner ?? null));
    setStatus(merged.status);
    setTimeFrame(merged.timeFrame);
    void save(merged, theirs.version);
  };

  const conflict = error?.code === 'conflict' ? error.current : undefined;
  const statusOptions = goalStatuses.filter((s) => s !== 'archived' || goal).map((s) => ({ value: s, label: m.status[s] }));
  return (
    <Box as="form" xcss={formStyles} aria-labelledby={headingId} noValidate onSubmit={(event: React.FormEvent) => (event.preventDefault(), conflict ? reapply(conflict) : void save(draft()))}
      onKeyDown={(event: React.KeyboardEvent) => {
        if (event.key === 'Escape' && !busy) props.onCancel();
      }}>
      <Stack space="space.200">
        <Heading size="small" as="h3" id={headingId}>
          {goal ? m.editHeading(goal.title) : m.createHeading}
        </Heading>
        <Field label={m.title} isRequired error={fieldError(error, 'goal.title')}>
          {(control) => <Textfield {...control} ref={titleInput} value={title} onChange={(e) => setTitle((e.target as HTMLInputElement).value)} />}
        </Field>
        <Field label={m.description} helper={m.descriptionHelper} error={fieldError(error, 'goal.description')}>
          {(control) => <TextArea {...control} value={description} minimumRows={2} resize="vertical" onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <OwnerPicker value={owner} onChange={setOwner} error={fieldError(error, 'goal.ownerAccountId')} />
        <Inline space="space.300" shouldWrap alignBlock="start">
          <Field label={m.statusLabel} error={fieldError(error, 'goal.status')}>
            {(control) => <NativeSelect {...control} value={status} onChange={setStatus} options={statusOptions} />}
          </Field>
          <TimeFrameField value={timeFrame} onChange={setTimeFrame} error={(path) => exactFieldError(error, path)} />
        </Inline>
        {conflict ? (
          <MergeConflict
            stamp={conflict.updated}
            isBusy={busy}
            base={goalInput(base.current ?? conflict)}
            mine={draft()}
            theirs={goalInput(conflict)}
            fields={goalMergeFields([conflict.owner, owner ?? undefined, base.current?.owner])}
            onApply={(merged) => reapply(conflict, merged)}
            onDiscard={() => props.onSaved(conflict)}
          />
        ) : error && !isFieldError(error, fieldPaths) ? (
          <WriteError error={error} headingLevel="h4" />
        ) : null}
        <Inline space="space.100">
          <Button appearance="primary" type="submit" isLoading={busy}>
            {goal ? messages.common.save : m.create}
          </Button>
          <Button appearance="subtle" onClick={props.onCancel} isDisabled={busy}>
            {messages.common.cancel}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

/** The goal's fields as a conflict shows them; owners are named from the people already at hand. */
function goalMergeFields(people: ReadonlyArray<UserRef | undefined>): Array<MergeField<GoalInput>> {
  const m = messages.goals;
  const name = (accountId: string | null) => (accountId ? (people.find((person) => person?.accountId === accountId)?.displayName ?? accountId) : '');
  return [
    { key: 'title', label: m.title, show: (goal) => goal.title },
    { key: 'description', label: m.description, show: (goal) => goal.description },
    { key: 'ownerAccountId', label: m.owner, show: (goal) => name(goal.ownerAccountId) },
    { key: 'status', label: m.statusLabel, show: (goal) => m.status[goal.status] },
    { key: 'timeFrame', label: m.timeFrame, show: (goal) => formatTimeFrame(goal.timeFrame) ?? '' },
  ];
}
