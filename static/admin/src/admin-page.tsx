import { useEffect, useState } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AdminSettings } from '../../../src/contract';
import { AnnouncerProvider } from '../../shared/announcer';
import { invoke, uiContext } from '../../shared/bridge';
import { adminSignIn } from '../../shared/messages/admin-sign-in';
import { admin as m } from '../../shared/messages/admin';
import { licence } from '../../shared/messages/licence';
import { useResult } from '../../shared/use-result';
import { ExportSection, ImportSection } from './data-sections';
import { EditRuleSection } from './edit-rule-section';
import { LinkIndexSection } from './link-index-section';
import { ProjectSection } from './project-section';
import { SiteStoryPointsSection } from './story-points-section';
import { ActionButton, Loading, Notice, formatInstant } from './ui';

const pageStyles = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400', maxWidth: '60rem', backgroundColor: 'elevation.surface' });
const titleStyles = xcss({ font: 'font.heading.large', color: 'color.text', margin: 'space.0' });

/** "Throughline settings": the site's settings, data export and import, and the link index. */
export function AdminPage() {
  return (
    <AnnouncerProvider>
      <Box as="main" xcss={pageStyles}>
        <AdminBody />
      </Box>
    </AnnouncerProvider>
  );
}

function AdminBody() {
  const { state, reload } = useResult(() => invoke('getAdminSettings'));
  // No account in the context: not logged in, so the refusal's title asks to log in.
  const [anonymous, setAnonymous] = useState(false);
  useEffect(() => {
    void uiContext().then((context) => setAnonymous(!context.accountId), () => undefined);
  }, []);
  if (state.status === 'loading') return <Loading label={m.loading} />;
  if (state.status === 'failed') {
    const { code, message } = state.error;
    return (
      <Notice
        appearance={code === 'forbidden' ? 'warning' : 'error'}
        title={code === 'forbidden' && anonymous ? adminSignIn.title : m.failedTitle(code)}
        headingLevel="h2"
        actions={code === 'forbidden' ? undefined : <ActionButton onClick={reload}>{m.retry}</ActionButton>}
        testId="admin-failed"
      >
        <p>{message}</p>
      </Notice>
    );
  }
  return <Settings settings={state.value} />;
}

function Settings({ settings }: { settings: AdminSettings }) {
  const readOnly = !settings.viewer.licensed;
  return (
    <Stack space="space.300" testId="admin-page">
      <Stack space="space.100">
        <Box as="h1" xcss={titleStyles}>
          {m.title}
        </Box>
        <Text as="p" color="color.text.subtle">
          {m.intro}
        </Text>
      </Stack>
      {readOnly ? (
        <Notice appearance="warning" title={licence.title} headingLevel="h2" testId="unlicensed-notice">
          <p>{licence.body}</p>
          <p>{m.unlicensedAdmin}</p>
        </Notice>
      ) : null}
      {settings.undoneImport ? (
        <Notice appearance="warning" title={m.undoneImportTitle} headingLevel="h2">
          <p>{m.undoneImport(formatInstant(settings.undoneImport.startedAt))}</p>
        </Notice>
      ) : null}
      {settings.unfinishedImport ? (
        <Notice appearance="error" title={m.unfinishedImportTitle} headingLevel="h2" testId="unfinished-import-notice">
          <p>{m.unfinishedImport(formatInstant(settings.unfinishedImport.startedAt), settings.unfinishedImport.remaining)}</p>
        </Notice>
      ) : null}
      <EditRuleSection initial={settings.editRule} readOnly={readOnly} />
      <SiteStoryPointsSection initial={settings.siteStoryPoints} fields={settings.numberFields} readOnly={readOnly} />
      <ProjectSection projects={settings.projects} fields={settings.numberFields} readOnly={readOnly} />
      <ExportSection />
      <ImportSection readOnly={readOnly} />
      <LinkIndexSection readOnly={readOnly} />
    </Stack>
  );
}
