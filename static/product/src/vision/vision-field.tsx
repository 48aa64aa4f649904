import { useEffect, useId, useRef, useState } from 'react';
import Button, { IconButton } from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { VisionView } from '../../../../src/contract';
import { MergeConflict } from '../../../shared/merge-conflict';
import type { VisionBoard } from '../../../../src/domain/strategy';
import { visionFields } from '../../../../src/domain/vision-changes';
import { FieldMessage } from '../../../shared/field';
import { fieldError } from '../../../shared/errors';
import type { Attempt, UiError } from '../../../shared/errors';
import { messages } from '../../../shared/messages';
import { WriteError } from '../../../shared/write-error';
import { FieldHeading, FieldValue } from './vision-board';
import type { VisionField } from './vision-board';
import { EditIcon } from '../../../shared/icons';

export type SaveField = (field: VisionField, text: string, base?: VisionView) => Promise<Attempt<VisionView>>;

const readViewStyles = xcss({
  borderRadius: 'radius.small',
  marginInline: 'space.negative.075',
  paddingInline: 'space.075',
  paddingBlock: 'space.025',
  cursor: 'text',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
});

/**
 * One field of the board, edited in place: the Edit button (or a click on the text) opens a
 * textarea; Save or Ctrl+Enter saves, Cancel or Esc leaves it, and focus goes back to Edit.
 * A conflict keeps the draft and offers to apply it to the version someone else saved.
 */
export function EditableVisionField(props: {
  field: VisionField;
  value: string;
  save: SaveField;
  onTakeTheirs: (current: VisionView) => void;
  startEditing?: boolean;
}) {
  const { field, value } = props;
  const label = messages.vision.fields[field];
  const [editing, setEditing] = useState(props.startEditing ?? false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<UiError<VisionView>>();
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const returnFocus = useRef(false);
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    if (editing) textArea.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const open = () => {
    setDraft(value);
    setError(undefined);
    setEditing(true);
  };
  const close = () => {
    returnFocus.current = true;
    setError(undefined);
    setEditing(false);
  };
  const submit = async (base?: VisionView, text: string = draft) => {
    setBusy(true);
    const result = await props.save(field, text, base);
    setBusy(false);
    if (result.ok) close();
    else setError(result.error);
  };

  if (!editing) {
    return (
      <Stack space="space.100">
        <FieldHeading
          field={field}
          actions={<IconButton ref={editButton} icon={EditIcon} label={messages.vision.editField(label)} appearance="subtle" spacing="compact" onClick={open} />}
        />
        {/* A click on the text is the mouse's shortcut; the Edit button is the keyboard's. */}
        <Box xcss={readViewStyles} onClick={open} testId={`vision-${field}`}>
          <FieldValue field={field} value={value} />
        </Box>
      </Stack>
    );
  }

  const ownError = fieldError(error, `board.${field}`);
  const conflict = error?.code === 'conflict' && error.current ? error.current : undefined;
  // Another field of the board can refuse this save (the product needs its name first): say which.
  const other = error?.code === 'invalid' && !ownError ? (error.field?.replace(/^board\./, '') as VisionField | undefined) : undefined;
  const otherLabel = other && other in messages.vision.fields ? messages.vision.fields[other] : undefined;
  return (
    <Stack space="space.100">
      <FieldHeading field={field} />
      <Text size="small" color="color.text.subtle">
        {messages.vision.prompts[field]}
      </Text>
      <TextArea
        ref={textArea}
        aria-label={label}
        aria-describedby={[ownError ? errorId : '', hintId].join(' ').trim()}
        aria-invalid={ownError ? true : undefined}
        isInvalid={Boolean(ownError)}
        value={draft}
        minimumRows={field === 'productName' ? 1 : 3}
        resize="vertical"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit(conflict);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
          }
        }}
      />
      {ownError ? <FieldMessage id={errorId}>{ownError}</FieldMessage> : null}
      {conflict ? (
        <MergeConflict
          {...(conflict.saved ? { stamp: conflict.saved } : {})}
          isBusy={busy}
          // Only this field is edited here: the others are theirs as saved, this one mine unless they changed it too.
          base={{ ...conflict.board, [field]: value }}
          mine={{ ...conflict.board, [field]: draft }}
          theirs={conflict.board}
          fields={visionFields.map((key) => ({ key, label: messages.vision.fields[key], show: (board: VisionBoard) => board[key] }))}
          onApply={(merged) => {
            setDraft(merged[field]);
            void submit(conflict, merged[field]);
          }}
          onDiscard={() => {
            props.onTakeTheirs(conflict);
            close();
          }}
        />
      ) : error && otherLabel ? (
        <FieldMessage>{`${otherLabel}: ${error.message}`}</FieldMessage>
      ) : error && !ownError ? (
        <WriteError error={error} headingLevel="h4" />
      ) : null}
      <Inline space="space.100" alignBlock="center" shouldWrap>
        {/* After a conflict, saving means saving onto their version, like the notice's action. */}
        <Button appearance="primary" onClick={() => void submit(conflict)} isLoading={busy}>
          {messages.common.save}
        </Button>
        <Button appearance="subtle" onClick={close} isDisabled={busy}>
          {messages.common.cancel}
        </Button>
        <Text size="small" color="color.text.subtlest" id={hintId}>
          {messages.vision.keyHint}
        </Text>
      </Inline>
    </Stack>
  );
}

