/**
 * Posting a check-in, or its author correcting one: a status and the owner's words (plain text up
 * to 2,000 characters, checked here with the server's own schema for instant feedback), and on a
 * new one the opt-in to comment it on the linked epics in Jira.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import TextArea from '@atlaskit/textarea';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CheckInSummary, EpicCommentReport, StatusUpdateTarget, StatusUpdateView } from '../../../../src/contract';
import { checkInStatuses, checkInTextLength } from '../../../../src/domain/status-updates';
import type { CheckInStatus } from '../../../../src/domain/status-updates';
import { checkInTextSchema } from '../../../../src/validation/status-update-inputs';
import { ActionButton } from '../../../shared/action-button';
import { invoke } from '../../../shared/bridge';
import { attempt, fieldError } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { checkIns as m } from '../../../shared/messages/check-ins';
import { schemaMessage } from '../../../shared/messages/schema-messages';
import { NativeSelect } from '../../../shared/native-select';
import { WriteError } from '../../../shared/write-error';

const formStyles = xcss({ padding: 'space.150', borderRadius: 'radius.medium', backgroundColor: 'color.background.neutral.subtle', borderWidth: 'border.width', borderStyle: 'solid', borderColor: 'color.border' });
const checkboxStyles = xcss({ display: 'flex', gap: 'space.075', alignItems: 'flex-start', font: 'font.body', color: 'color.text' });

// Labels read when drawn: a module-level copy would stay in the language the bundle loaded with.
const statusOptions = () => checkInStatuses.map((status) => ({ value: status, label: m.status[status] }));

type Posted = { update: StatusUpdateView; summary: CheckInSummary; comments?: EpicCommentReport };

export function CheckInForm(
  props:
    | { target: StatusUpdateTarget; onPosted: (posted: Posted) => void; editing?: undefined }
    | { editing: StatusUpdateView; onSaved: (saved: StatusUpdateView) => void; onCancel: () => void; onConflict: (current: StatusUpdateView) => void },
) {
  const editing = props.editing;
  const [status, setStatus] = useState<CheckInStatus>(editing?.status ?? 'on-track');
  const [text, setText] = useState(editing?.text ?? '');
  const [commentOnEpics, setCommentOnEpics] = useState(false);
  const [error, setError] = useState<UiError>();
  const [busy, setBusy] = useState(false);
  const checkboxId = useId();
  const left = checkInTextLength - text.trim().length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkInTextSchema.safeParse(text);
    if (!checked.success) return setError({ code: 'invalid', message: schemaMessage(checked.error.issues[0]?.message ?? '') || m.textLabel, field: 'text' });
    setBusy(true);
    if (props.editing) {
      const result = await attempt(() => invoke('editStatusUpdate', { id: props.editing.id, status, text: checked.data, baseVersion: props.editing.version }));
      setBusy(false);
      if (result.ok) return props.onSaved(result.value);
      if (result.error.code === 'conflict' && result.error.current) props.onConflict(result.error.current);
      return setError(result.error);
    }
    const target = props.target;
    const result = await attempt(() => invoke('postStatusUpdate', { target, status, text: checked.data, ...(commentOnEpics ? { commentOnEpics: true } : {}) }));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setText('');
    setCommentOnEpics(false);
    props.onPosted(result.value);
  };

  const textError = fieldError(error, 'text');
  return (
    <Box as="form" xcss={formStyles} onSubmit={(event) => void submit(event)} aria-label={editing ? m.editHeading : m.formHeading} testId={editing ? `check-in-edit-${editing.id}` : 'check-in-form'}>
      <Stack space="space.150">
        <Field label={m.statusLabel} error={fieldError(error, 'status')}>
          {(control) => <NativeSelect {...control} value={status} options={statusOptions()} onChange={setStatus} name="check-in-status" />}
        </Field>
        <Field label={m.textLabel} isRequired error={textError} helper={m.textHelper(Math.max(0, left))}>
          {(control) => (
            <TextArea
              {...control}
              value={text}
              minimumRows={3}
              resize="vertical"
              maxLength={checkInTextLength + 200}
              onChange={(event) => setText(event.currentTarget.value)}
              testId="check-in-text"
            />
          )}
        </Field>
        {editing ? null : (
          <Stack space="space.025">
            <Box as="label" xcss={checkboxStyles} {...{ htmlFor: checkboxId }}>
              <input id={checkboxId} type="checkbox" checked={commentOnEpics} onChange={(event) => setCommentOnEpics(event.currentTarget.checked)} data-testid="check-in-comment-on-epics" />
              <span>{m.commentOnEpics}</span>
            </Box>
            <Text size="small" color="color.text.subtlest">
              {m.commentOnEpicsHelper}
            </Text>
          </Stack>
        )}
        {error && !textError ? <WriteError error={error} headingLevel="h4" /> : null}
        <Inline space="space.100">
          <ActionButton type="submit" appearance="primary" isBusy={busy}>
            {editing ? m.save : m.post}
          </ActionButton>
          {props.editing ? <ActionButton onClick={props.onCancel}>{m.cancel}</ActionButton> : null}
        </Inline>
      </Stack>
    </Box>
  );
}
