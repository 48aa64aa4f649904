/**
 * A gadget's edit view, as Jira shows it when someone chooses Edit: the product (from those the
 * viewer may browse), Roadmap now's goal filter, the rows and the auto-refresh interval. Save hands
 * the configuration to Jira with `view.submit`, `refresh` in minutes as Jira's auto-refresh reads it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Box, Inline, Pressable, Stack, xcss } from '@atlaskit/primitives';
import type { AppError, GadgetOptions } from '../../../src/contract';
import { invoke, submitGadgetConfiguration } from '../../shared/bridge';
import { Field } from '../../shared/field';
import { gadgets as m } from '../../shared/messages/gadgets';
import { NativeSelect } from '../../shared/native-select';
import { Notice } from '../../shared/notice';
import type { SavedConfig } from './config';
import { maxRows, refreshChoices } from './config';
import { GadgetFailure, Loading } from './parts';

const inputStyles = xcss({
  font: 'font.body',
  color: 'color.text',
  backgroundColor: 'color.background.input',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border.input',
  borderRadius: 'radius.small',
  paddingBlock: 'space.075',
  paddingInline: 'space.100',
  width: '6rem',
  ':focus-visible': { outlineWidth: 'border.width.focused', outlineStyle: 'solid', outlineColor: 'color.border.focused' },
});
const primary = xcss({
  font: 'font.body',
  fontWeight: 'font.weight.medium',
  color: 'color.text.inverse',
  backgroundColor: 'color.background.brand.bold',
  borderRadius: 'radius.small',
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  cursor: 'pointer',
  ':hover': { backgroundColor: 'color.background.brand.bold.hovered' },
  ':focus-visible': { outlineWidth: 'border.width.focused', outlineStyle: 'solid', outlineColor: 'color.border.focused', outlineOffset: 'space.025' },
});
const headingStyles = xcss({ font: 'font.heading.small', color: 'color.text', margin: 'space.0' });

type Load = { status: 'loading' } | { status: 'ready'; options: GadgetOptions } | { status: 'failed'; error: AppError | { code: 'unexpected'; message: string } };

export function GadgetEdit({ moduleKey, saved }: { moduleKey: string; saved: SavedConfig }) {
  const [projectId, setProjectId] = useState(saved.projectId ?? '');
  const [goalId, setGoalId] = useState(saved.goalId ?? '');
  const [rows, setRows] = useState(String(saved.rows));
  const [refresh, setRefresh] = useState(saved.refresh ? String(saved.refresh) : '');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<{ project?: string; rows?: string }>({});
  const withGoals = moduleKey === 'throughline-roadmap-now';

  useEffect(() => {
    let current = true;
    invoke('getGadgetOptions', { projectId: withGoals && projectId ? projectId : null }).then(
      (result) => {
        if (!current) return;
        // A saved project the viewer may no longer browse: offer the list without it.
        if (!result.ok && result.error.code === 'forbidden' && projectId) {
          setProjectId('');
          return;
        }
        setLoad(result.ok ? { status: 'ready', options: result.value } : { status: 'failed', error: result.error });
      },
      (error: unknown) => current && setLoad({ status: 'failed', error: { code: 'unexpected', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [projectId, withGoals, attempt]);

  const retry = useCallback(() => {
    setLoad({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') return <GadgetFailure error={load.error} onRetry={retry} />;
  const { projects, goals } = load.options;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const rowCount = Number(rows);
    const found = {
      ...(projectId ? {} : { project: m.edit.productError }),
      ...(Number.isInteger(rowCount) && rowCount >= 1 && rowCount <= maxRows ? {} : { rows: m.edit.rowsError(maxRows) }),
    };
    setErrors(found);
    if (found.project || found.rows) return;
    setSaving(true);
    try {
      await submitGadgetConfiguration({
        projectId,
        rows: rowCount,
        ...(withGoals && goalId ? { goalId } : {}),
        ...(refresh ? { refresh: Number(refresh) } : {}),
      });
    } finally {
      setSaving(false);
    }
  };

  const projectOptions = [{ value: '', label: m.edit.chooseProduct }, ...projects.map((project) => ({ value: project.id, label: m.projectOf(project.name, project.key) }))];
  const goalOptions = [{ value: '', label: m.edit.allGoals }, ...goals.map((goal) => ({ value: goal.id, label: goal.title }))];
  const refreshOptions = [{ value: '', label: m.edit.refreshOff }, ...refreshChoices.map((minutes) => ({ value: String(minutes), label: m.edit.refreshEvery(minutes) }))];

  return (
    // Our own messages, next to the field, rather than the browser's bubbles.
    <Box as="form" onSubmit={submit} noValidate testId="gadget-edit" aria-label={m.edit.heading}>
      <Stack space="space.200">
        <Box as="h2" xcss={headingStyles}>
          {m.edit.heading}
        </Box>
        {projects.length === 0 ? (
          <Notice appearance="information" title={m.edit.product} headingLevel="h3">
            {m.edit.noProducts}
          </Notice>
        ) : (
          <Field label={m.edit.product} isRequired helper={m.edit.productHelper} {...(errors.project ? { error: errors.project } : {})}>
            {(control) => (
              <NativeSelect
                {...control}
                name="projectId"
                value={projectId}
                options={projectOptions}
                onChange={(value) => {
                  setProjectId(value);
                  setGoalId('');
                }}
              />
            )}
          </Field>
        )}
        {withGoals && projectId ? (
          <Field label={m.edit.goal}>{(control) => <NativeSelect {...control} name="goalId" value={goalId} options={goalOptions} onChange={setGoalId} />}</Field>
        ) : null}
        <Field label={m.edit.rows} isRequired helper={m.edit.rowsHelper(maxRows)} {...(errors.rows ? { error: errors.rows } : {})}>
          {(control) => (
            <Box
              as="input"
              xcss={inputStyles}
              type="number"
              name="rows"
              min={1}
              max={maxRows}
              step={1}
              value={rows}
              onChange={(event: { target: { value: string } }) => setRows(event.target.value)}
              {...control}
            />
          )}
        </Field>
        <Field label={m.edit.refresh}>{(control) => <NativeSelect {...control} name="refresh" value={refresh} options={refreshOptions} onChange={setRefresh} />}</Field>
        <Inline space="space.100">
          <Pressable type="submit" xcss={primary} isDisabled={saving} testId="gadget-save">
            {saving ? m.edit.saving : m.edit.save}
          </Pressable>
        </Inline>
      </Stack>
    </Box>
  );
}
