import { Stack, Text } from '@atlaskit/primitives';
import { invoke } from '../../../shared/bridge';
import { ErrorMessage } from '../../../shared/error-message';
import { Loading } from '../../../shared/loading';
import { messages } from '../../../shared/messages';
import { useResult } from '../../../shared/use-result';
import { EpicTable } from './epic-table';
import { CrawlProgress } from '../roadmap/crawl-progress';
import { SprintList } from './sprint-list';

/** The project's epics with their children's progress, and its sprints: read from Jira as the viewer. */
export function OverviewTab() {
  const { state, reload } = useResult(() => invoke('getProjectOverview'));
  return (
    <Stack space="space.400">
      <Text color="color.text.subtle">{messages.productSubtitle}</Text>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <ErrorMessage error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          {state.value.crawl && !state.value.crawl.finished ? <CrawlProgress crawl={state.value.crawl} /> : null}
          <EpicTable epics={state.value.epics} />
          <SprintList sprints={state.value.sprints} />
        </>
      )}
    </Stack>
  );
}
