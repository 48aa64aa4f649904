import { useEffect, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AdminProjectSettings, NumberField, ProjectRef } from '../../../src/contract';
import { useAnnounce } from '../../shared/announcer';
import { invoke } from '../../shared/bridge';
import { attempt } from '../../shared/errors';
import { Field, FieldMessage } from '../../shared/field';
import { admin as m } from '../../shared/messages/admin';
import { NativeSelect } from '../../shared/native-select';
import { RadioGroup } from '../../shared/radio-group';
import type { LoadState } from '../../shared/use-result';
import { StoryPointOverrideForm } from './story-points-section';
import { ActionButton, Loading, Narrow, Notice, SaveFeedback, SettingsSection, errorFor } from './ui';
import type { SaveState } from './ui';
import { formatList } from '../../shared/list-format';

const subheadingStyles = xcss({ font: 'font.heading.xsmall', color: 'color.text', margin: 'space.0' });

/** Per project: its story-point field (what is used now, and its own override) and its sprint boards. */
export function ProjectSection({ projects, fields, readOnly }: { projects: readonly ProjectRef[]; fields: readonly NumberField[]; readOnly: boolean }) {
  const [projectId, setProjectId] = useState('');
  const [state, setState] = useState<LoadState<AdminProjectSettings> | undefined>(undefined);
  const [loadNo, setLoadNo] = useState(0);

  useEffect(() => {
    if (!projectId) {
      setState(undefined);
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    void attempt(() => invoke('getAdminProjectSettings', { projectId })).then((result) => {
      if (current) setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [projectId, loadNo]);

  return (
    <SettingsSection id="project-settings" title={m.project.heading}>
      <Narrow>
        <Field label={m.project.label}>
          {(control) => (
            <NativeSelect
              {...control}
              value={projectId}
              options={[{ value: '', label: m.project.choose }, ...projects.map((project) => ({ value: project.id, label: m.project.option(project.name, project.key) }))]}
              onChange={setProjectId}
            />
          )}
        </Field>
      </Narrow>
      {state?.status === 'loading' ? <Loading label={m.project.loading} /> : null}
      {state?.status === 'failed' ? (
        <Notice appearance="error" title={m.errorTitle} actions={<ActionButton onClick={() => setLoadNo((n) => n + 1)}>{m.retry}</ActionButton>}>
          <p>{state.error.message}</p>
        </Notice>
      ) : null}
      {state?.status === 'ready' ? (
        // Keyed by project: switching projects starts each form from that project's saved values.
        <ProjectForms key={state.value.project.id} settings={state.value} fields={fields} readOnly={readOnly} onChanged={() => setLoadNo((n) => n + 1)} />
      ) : null}
    </SettingsSection>
  );
}

function ProjectForms({ settings, fields, readOnly, onChanged }: { settings: AdminProjectSettings; fields: readonly NumberField[]; readOnly: boolean; onChanged: () => void }) {
  const { storyPoints, project } = settings;
  const effective = storyPoints.effective;
  return (
    <Stack space="space.250">
      <Stack space="space.100">
        <Box as="h3" xcss={subheadingStyles}>
          {m.storyPoints.heading}
        </Box>
        <Text as="p" testId="effective-story-points">
          <strong>{m.storyPoints.effectiveLabel}: </strong>
          {'message' in effective ? effective.message : m.storyPoints.effective(m.storyPoints.field(effective.name, effective.fieldId), effective.source)}
        </Text>
        {storyPoints.ignoredOverride ? <FieldMessage>{m.storyPoints.ignored(storyPoints.ignoredOverride)}</FieldMessage> : null}
        <StoryPointOverrideForm
          projectId={project.id}
          label={m.storyPoints.projectLabel(project.key)}
          noneLabel={m.storyPoints.useSite}
          initial={storyPoints.override}
          fields={fields}
          readOnly={readOnly}
          onSaved={onChanged}
        />
      </Stack>
      <SprintBoardsForm settings={settings} readOnly={readOnly} />
    </Stack>
  );
}

type BoardMode = 'every' | 'chosen';

function SprintBoardsForm({ settings, readOnly }: { settings: AdminProjectSettings; readOnly: boolean }) {
  // Scrum boards and team-managed (`simple`) ones may run sprints; the server accepts only these.
  const sprintCapable = settings.boards.filter((board) => board.type === 'scrum' || board.type === 'simple');
  const kanban = settings.boards.filter((board) => board.type !== 'scrum' && board.type !== 'simple');
  const [saved, setSaved] = useState(settings.sprintBoards);
  const [mode, setMode] = useState<BoardMode>(settings.sprintBoards.boardIds ? 'chosen' : 'every');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set(settings.sprintBoards.boardIds ?? sprintCapable.map((board) => board.id)));
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const announce = useAnnounce();

  const reset = (to: AdminProjectSettings['sprintBoards']) => {
    setSaved(to);
    setMode(to.boardIds ? 'chosen' : 'every');
    setChosen(new Set(to.boardIds ?? sprintCapable.map((board) => board.id)));
  };

  const submit = async () => {
    setSave({ status: 'saving' });
    const boardIds = mode === 'every' ? null : sprintCapable.map((board) => board.id).filter((id) => chosen.has(id));
    const result = await attempt(() => invoke('saveSprintBoards', { projectId: settings.project.id, boardIds, baseVersion: saved.version }));
    if (result.ok) {
      reset(result.value);
      setSave({ status: 'saved', message: m.boards.saved });
      announce(m.boards.saved);
      return;
    }
    if (result.error.code === 'conflict' && result.error.current) reset(result.error.current);
    setSave({ status: 'failed', error: result.error });
    announce(result.error.message);
  };

  const boardsError = errorFor(save, 'boardIds');
  const savedIds = saved.boardIds ? new Set(saved.boardIds) : undefined;
  const changed =
    mode === 'every' ? savedIds !== undefined : savedIds === undefined || savedIds.size !== chosen.size || [...chosen].some((id) => !savedIds.has(id));
  return (
    <Stack space="space.100">
      <Box as="h3" xcss={subheadingStyles}>
        {m.boards.heading}
      </Box>
      {sprintCapable.length === 0 ? (
        <Text as="p">{m.boards.none}</Text>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!readOnly) void submit();
          }}
        >
          <Stack space="space.150">
            <RadioGroup
              legend={m.boards.legend}
              value={mode}
              options={[
                { value: 'every' as const, label: m.boards.every },
                { value: 'chosen' as const, label: m.boards.chosen },
              ]}
              onChange={(next) => {
                setMode(next);
                setSave({ status: 'idle' });
              }}
            />
            {mode === 'chosen' ? (
              <BoardChoice boards={sprintCapable} chosen={chosen} error={boardsError} onChange={(next) => { setChosen(next); setSave({ status: 'idle' }); }} />
            ) : null}
            <SaveFeedback state={save} fieldPaths={['boardIds']} />
            <Inline>
              <ActionButton type="submit" appearance="primary" isDisabled={readOnly || !changed} isBusy={save.status === 'saving'}>
                {m.save}
              </ActionButton>
            </Inline>
          </Stack>
        </form>
      )}
      {kanban.length > 0 ? (
        <Text as="p" size="small" color="color.text.subtlest">
          {m.boards.kanban(formatList(kanban.map((board) => board.name)))}
        </Text>
      ) : null}
    </Stack>
  );
}

const fieldsetStyles = xcss({ borderStyle: 'none', padding: 'space.0', margin: 'space.0', minWidth: '0' });
const legendStyles = xcss({ font: 'font.body.small', fontWeight: 'font.weight.semibold', color: 'color.text.subtle', paddingInline: 'space.0', marginBlockEnd: 'space.050' });
const optionStyles = xcss({ display: 'flex', alignItems: 'center', gap: 'space.075', font: 'font.body', color: 'color.text', cursor: 'pointer' });

/** The project's boards that may run sprints as checkboxes in a fieldset, the error said below them. */
function BoardChoice(props: { boards: AdminProjectSettings['boards']; chosen: ReadonlySet<number>; error?: string; onChange: (chosen: ReadonlySet<number>) => void }) {
  return (
    <Box as="fieldset" xcss={fieldsetStyles} aria-describedby={props.error ? 'board-choice-error' : undefined}>
      {/* The legend is the fieldset's first child, or it does not name the group. */}
      <Box as="legend" xcss={legendStyles}>
        {m.boards.boardsLabel}
      </Box>
      <Stack space="space.050">
        {props.boards.map((board) => (
          <Box as="label" key={board.id} xcss={optionStyles}>
            <input
              type="checkbox"
              checked={props.chosen.has(board.id)}
              onChange={(event) => {
                const next = new Set(props.chosen);
                if (event.currentTarget.checked) next.add(board.id);
                else next.delete(board.id);
                props.onChange(next);
              }}
              style={{ margin: 0 }}
            />
            {board.type === 'simple' ? m.boards.teamManaged(board.name) : board.name}
          </Box>
        ))}
        {props.error ? <FieldMessage id="board-choice-error">{props.error}</FieldMessage> : null}
      </Stack>
    </Box>
  );
}
