import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { invoke } from '../../shared/bridge';
import { ErrorMessage } from '../../shared/error-message';
import { messages } from '../../shared/messages';
import { useResult } from '../../shared/use-result';
import { EpicTable } from './epic-table';
import { SprintList } from './sprint-list';

export function ProductPage() {
  const { state, reload } = useResult(() => invoke('getProjectOverview'));
  return (
    <Box as="main" padding="space.300">
      {state.status === 'loading' && (
        <Inline space="space.100" alignBlock="center">
          <Spinner size="medium" label={messages.loading} />
          <Text>{messages.loading}</Text>
        </Inline>
      )}
      {state.status === 'failed' && <ErrorMessage error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <Stack space="space.400">
          <Stack space="space.050">
            <Heading size="large" as="h1">
              {messages.productTitle(state.value.project.name)}
            </Heading>
            <Text color="color.text.subtle">{messages.productSubtitle}</Text>
          </Stack>
          <EpicTable epics={state.value.epics} />
          <SprintList sprints={state.value.sprints} />
        </Stack>
      )}
    </Box>
  );
}
