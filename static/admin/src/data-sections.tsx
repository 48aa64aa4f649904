import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ImportSummary } from '../../../src/contract';
import { useAnnounce } from '../../shared/announcer';
import { invoke } from '../../shared/bridge';
import { attempt } from '../../shared/errors';
import type { UiError } from '../../shared/errors';
import { Field } from '../../shared/field';
import { admin as m } from '../../shared/messages/admin';
import { common } from '../../shared/messages/common';
import { ActionButton, Notice, SettingsSection, formatInstant } from './ui';
import { formatList } from '../../shared/list-format';

/** Below the 500 KB an invoke payload may carry, with room for the JSON envelope. */
const maxFileBytes = 450 * 1024;

export function ExportSection() {
  const [state, setState] = useState<{ status: 'idle' | 'busy' } | { status: 'done'; fileName: string } | { status: 'failed'; error: UiError }>({ status: 'idle' });
  const announce = useAnnounce();
  const download = async () => {
    setState({ status: 'busy' });
    const result = await attempt(() => invoke('exportData'));
    if (!result.ok) {
      setState({ status: 'failed', error: result.error });
      return;
    }
    saveFile(result.value.fileName, JSON.stringify(result.value.data, null, 2));
    setState({ status: 'done', fileName: result.value.fileName });
    announce(m.export.done(result.value.fileName));
  };
  return (
    <SettingsSection id="export" title={m.export.heading} intro={m.export.intro}>
      {state.status === 'failed' ? (
        <Notice appearance="error" title={m.errorTitle}>
          <p>{state.error.message}</p>
        </Notice>
      ) : null}
      {state.status === 'done' ? <Text as="p" color="color.text.success">{m.export.done(state.fileName)}</Text> : null}
      <Inline>
        <ActionButton onClick={() => void download()} isBusy={state.status === 'busy'}>
          {m.export.button}
        </ActionButton>
      </Inline>
    </SettingsSection>
  );
}

/** Hands the browser a file to save, without a round trip (Custom UI may not navigate to a download URL). */
function saveFile(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type ImportState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'fileError'; message: string }
  /** `changed`: applying found the data changed since the last preview; this is a fresh one. */
  | { status: 'previewed'; data: unknown; summary: ImportSummary; changed?: boolean }
  | { status: 'applying'; data: unknown; summary: ImportSummary }
  | { status: 'applied'; summary: ImportSummary }
  | { status: 'failed'; error: UiError; data?: unknown; summary?: ImportSummary };

/** Every project of the file, selected or not, in the file's order of the summary. */
const fileProjects = (summary: ImportSummary) => [...summary.projects, ...summary.skippedProjects];

const tableStyles = xcss({ borderCollapse: 'collapse', font: 'font.body', color: 'color.text', marginBlock: 'space.0' });
const cellStyles = xcss({ paddingBlock: 'space.050', paddingInline: 'space.100', borderBlockEndWidth: 'border.width', borderBlockEndStyle: 'solid', borderBlockEndColor: 'color.border', textAlign: 'end' });
const headCellStyles = xcss({ textAlign: 'start' });
// css-reset gives captions a large top margin; the caption sits right above its table here.
const captionStyles = xcss({ font: 'font.body.small', color: 'color.text.subtle', textAlign: 'start', marginBlock: 'space.0', paddingBlockEnd: 'space.050' });

export function ImportSection({ readOnly }: { readOnly: boolean }) {
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const announce = useAnnounce();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    if (file.size > maxFileBytes) return setState({ status: 'fileError', message: m.import.tooLarge });
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return setState({ status: 'fileError', message: m.import.notJson });
    }
    setState({ status: 'checking' });
    await askPreview(data);
  };

  /** Asks for the dry run of `data` limited to `projectIds` (all the file's projects when absent). */
  const askPreview = async (data: unknown, projectIds?: string[], changed = false) => {
    const result = await attempt(() => invoke('previewImport', { data, ...(projectIds ? { projectIds } : {}) }));
    if (result.ok) {
      setState({ status: 'previewed', data, summary: result.value, changed });
      announce(changed ? m.import.changedSincePreview : m.import.summaryHeading);
    } else if (result.error.code === 'invalid' && result.error.field === 'data') {
      setState({ status: 'fileError', message: result.error.message });
    } else {
      setState({ status: 'failed', error: result.error });
    }
  };

  const apply = async (data: unknown, summary: ImportSummary) => {
    setState({ status: 'applying', data, summary });
    const projectIds = summary.projects.map((project) => project.id);
    const result = await attempt(() => invoke('applyImport', { data, projectIds, planId: summary.planId }));
    if (result.ok) {
      setState({ status: 'applied', summary: result.value });
      announce(m.import.applied(result.value.operations));
      return;
    }
    // Storage or the file changed since the preview: show what the import would do now instead.
    if (result.error.code === 'conflict') return askPreview(data, projectIds, true);
    const error = result.error.code === 'unexpected' ? { ...result.error, message: m.import.failed } : result.error;
    setState({ status: 'failed', error, data, summary });
  };

  const select = (data: unknown, summary: ImportSummary, projectId: string, selected: boolean) => {
    const chosen = new Set(summary.projects.map((project) => project.id));
    if (selected) chosen.add(projectId);
    else chosen.delete(projectId);
    // In the file's order, so the same selection always previews the same plan.
    const projectIds = fileProjects(summary).map((project) => project.id).filter((id) => chosen.has(id));
    void askPreview(data, projectIds);
  };

  const cancel = () => {
    setState({ status: 'idle' });
    if (input.current) input.current.value = '';
    input.current?.focus();
  };

  const fileError = state.status === 'fileError' ? state.message : undefined;
  const preview = state.status === 'previewed' || state.status === 'applying' || (state.status === 'failed' && state.summary) ? state : undefined;
  return (
    <SettingsSection id="import" title={m.import.heading} intro={m.import.intro}>
      <Field label={m.import.fileLabel} helper={m.import.fileHelper} error={fileError}>
        {(control) => (
          <input
            ref={input}
            type="file"
            accept="application/json,.json"
            disabled={readOnly}
            onChange={(event) => void choose(event)}
            id={control.id}
            aria-invalid={control['aria-invalid']}
            aria-describedby={control['aria-describedby']}
          />
        )}
      </Field>
      {state.status === 'checking' ? <Text as="p">{m.import.checking}</Text> : null}
      {state.status === 'failed' ? (
        <Notice appearance="error" title={m.errorTitle}>
          <p>{state.error.message}</p>
        </Notice>
      ) : null}
      {state.status === 'applied' ? (
        <Notice appearance="information" title={m.saved} testId="import-applied">
          <p>{m.import.applied(state.summary.operations)}</p>
          {state.summary.epicLinks ? <p>{m.import.epicLinks(state.summary.epicLinks.restored, state.summary.epicLinks.pending, state.summary.epicLinks.refused.length)}</p> : null}
        </Notice>
      ) : null}
      {preview && preview.summary ? (
        <Stack space="space.150" testId="import-preview">
          {state.status === 'previewed' && state.changed ? (
            <Notice appearance="warning" title={m.import.changedSincePreview}>
              <p>{m.import.changedSincePreviewBody}</p>
            </Notice>
          ) : null}
          {fileProjects(preview.summary).length > 1 ? (
            <ProjectChoice summary={preview.summary} disabled={readOnly || state.status === 'applying'} onChange={(id, selected) => select(preview.data, preview.summary as ImportSummary, id, selected)} />
          ) : null}
          <Summary summary={preview.summary} />
          <Inline space="space.100">
            <ActionButton
              appearance="primary"
              isDisabled={readOnly || preview.summary.projects.length + (preview.summary.replacesSiteSettings ? 1 : 0) === 0}
              isBusy={state.status === 'applying'}
              onClick={() => void apply(preview.data, preview.summary as ImportSummary)}
            >
              {m.import.apply}
            </ActionButton>
            <ActionButton onClick={cancel}>{m.import.cancel}</ActionButton>
          </Inline>
        </Stack>
      ) : null}
    </SettingsSection>
  );
}

const fieldsetStyles = xcss({ borderStyle: 'none', padding: 'space.0', margin: 'space.0', minWidth: '0' });
const legendStyles = xcss({ font: 'font.body.small', fontWeight: 'font.weight.semibold', color: 'color.text.subtle', paddingInline: 'space.0', marginBlockEnd: 'space.050' });
const optionStyles = xcss({ display: 'flex', alignItems: 'center', gap: 'space.075', font: 'font.body', color: 'color.text', cursor: 'pointer' });

/** Which of the file's projects to import: each change previews again. */
function ProjectChoice(props: { summary: ImportSummary; disabled: boolean; onChange: (projectId: string, selected: boolean) => void }) {
  const selected = new Set(props.summary.projects.map((project) => project.id));
  return (
    <Box as="fieldset" xcss={fieldsetStyles}>
      <Box as="legend" xcss={legendStyles}>
        {m.import.projectChoice}
      </Box>
      <Stack space="space.050">
        {fileProjects(props.summary).map((project) => (
          <Box as="label" key={project.id} xcss={optionStyles}>
            <input
              type="checkbox"
              checked={selected.has(project.id)}
              disabled={props.disabled}
              onChange={(event) => props.onChange(project.id, event.currentTarget.checked)}
              style={{ margin: 0 }}
            />
            {project.key ?? project.id}
          </Box>
        ))}
      </Stack>
    </Box>
  );
}

function Summary({ summary }: { summary: ImportSummary }) {
  const kinds = summary.kinds.filter((kind) => kind.inFile + kind.removed > 0);
  return (
    <Stack space="space.100">
      <Box as="h3" xcss={xcss({ font: 'font.heading.xsmall', color: 'color.text', margin: 'space.0' })}>
        {m.import.summaryHeading}
      </Box>
      <Text as="p">
        {common.sentences(
          m.import.exportedAt(formatInstant(summary.exportedAt)),
          summary.projects.length > 0 ? m.import.projects(formatList(summary.projects.map((project) => project.key ?? project.id))) : m.import.noProjects,
          summary.replacesSiteSettings && m.import.site,
          m.import.operations(summary.operations),
        )}
      </Text>
      {summary.corrections.length > 0 ? (
        <Text as="p" testId="import-corrections">
          {m.import.corrections(formatList(summary.corrections.map((correction) => m.import.correction(m.import.kinds[correction.kind] ?? correction.kind, correction.what))))}
        </Text>
      ) : null}
      <Box as="table" xcss={tableStyles}>
        <Box as="caption" xcss={captionStyles}>
          {m.import.summaryCaption}
        </Box>
        <thead>
          <tr>
            {[m.import.kind, m.import.inFile, m.import.replaced, m.import.added, m.import.removed].map((label, n) => (
              <Box as="th" key={label} xcss={[cellStyles, ...(n === 0 ? [headCellStyles] : [])]} {...{ scope: 'col' }}>
                {label}
              </Box>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind.kind}>
              <Box as="th" xcss={[cellStyles, headCellStyles]} {...{ scope: 'row' }}>
                {m.import.kinds[kind.kind] ?? kind.kind}
              </Box>
              {[kind.inFile, kind.replaced, kind.added, kind.removed].map((count, n) => (
                <Box as="td" key={n} xcss={cellStyles}>
                  {count}
                </Box>
              ))}
            </tr>
          ))}
        </tbody>
      </Box>
    </Stack>
  );
}
