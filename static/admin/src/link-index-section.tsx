import { useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { LinkIndexReport } from '../../../src/contract';
import { useAnnounce } from '../../shared/announcer';
import { invoke } from '../../shared/bridge';
import { attempt } from '../../shared/errors';
import type { UiError } from '../../shared/errors';
import { admin as m } from '../../shared/messages/admin';
import { ActionButton, Notice, SettingsSection } from './ui';
import { formatList } from '../../shared/list-format';

const listStyles = xcss({ margin: 'space.0', paddingInlineStart: 'space.250', font: 'font.body', color: 'color.text' });

export function LinkIndexSection({ readOnly }: { readOnly: boolean }) {
  const [state, setState] = useState<{ status: 'idle' | 'running' } | { status: 'done'; report: LinkIndexReport } | { status: 'failed'; error: UiError }>({ status: 'idle' });
  const announce = useAnnounce();
  const run = async () => {
    setState({ status: 'running' });
    const result = await attempt(() => invoke('rebuildLinkIndex'));
    setState(result.ok ? { status: 'done', report: result.value } : { status: 'failed', error: result.error });
    announce(result.ok ? m.linkIndex.reportHeading : result.error.message);
  };
  return (
    <SettingsSection id="link-index" title={m.linkIndex.heading} intro={m.linkIndex.intro}>
      {state.status === 'failed' ? (
        <Notice appearance="error" title={m.errorTitle}>
          <p>{state.error.message}</p>
        </Notice>
      ) : null}
      {state.status === 'done' ? (
        <Stack space="space.100" testId="link-index-report">
          <Box as="h3" xcss={xcss({ font: 'font.heading.xsmall', color: 'color.text', margin: 'space.0' })}>
            {m.linkIndex.reportHeading}
          </Box>
          <Box as="ul" xcss={listStyles}>
            {state.report.projects.map((project) => (
              <li key={project.id}>
                <Text>{project.appCannotBrowse ? m.linkIndex.appCannotBrowse(project.key) : m.linkIndex.project(project.key, project.epicsChecked, project.epicsUpdated.length, project.rollupsDropped)}</Text>
                {project.epicsUpdated.length > 0 || project.refused.length > 0 || (project.pending ?? []).length > 0 ? (
                  <Box as="ul" xcss={listStyles}>
                    {project.epicsUpdated.map((epic) => (
                      <li key={epic.key}>{m.linkIndex.epic(epic.key, formatList(epic.before), formatList(epic.after))}</li>
                    ))}
                    {project.refused.length > 0 ? <li>{m.linkIndex.refused(formatList(project.refused))}</li> : null}
                    {project.pending && project.pending.length > 0 ? <li>{m.linkIndex.pending(formatList(project.pending))}</li> : null}
                  </Box>
                ) : null}
              </li>
            ))}
          </Box>
        </Stack>
      ) : null}
      <Inline>
        <ActionButton onClick={() => void run()} isDisabled={readOnly} isBusy={state.status === 'running'}>
          {state.status === 'running' ? m.linkIndex.running : m.linkIndex.button}
        </ActionButton>
      </Inline>
    </SettingsSection>
  );
}
