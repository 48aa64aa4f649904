import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { UiError } from '../../../shared/errors';
import { messages } from '../../../shared/messages';
import { WriteError } from '../../../shared/write-error';
import { ReadOnlyBoard } from './vision-board';

const introStyles = xcss({ maxWidth: '40rem' });

/**
 * A product with no vision yet: what a vision board is for, an example to learn from, and for
 * editors one click to start from that example or from a blank board.
 */
export function VisionEmpty(props: { canEdit: boolean; busy: boolean; error?: UiError; onStartFromExample: () => void; onWriteOwn: () => void }) {
  return (
    <Stack space="space.300">
      <Box xcss={introStyles}>
        <Stack space="space.150">
          <Heading size="medium" as="h2">
            {messages.vision.emptyTitle}
          </Heading>
          <Text as="p">{messages.vision.emptyIntro}</Text>
          {props.canEdit ? (
            <Inline space="space.100" shouldWrap>
              <Button appearance="primary" onClick={props.onStartFromExample} isLoading={props.busy}>
                {messages.vision.startFromExample}
              </Button>
              <Button onClick={props.onWriteOwn} isDisabled={props.busy}>
                {messages.vision.writeYourOwn}
              </Button>
            </Inline>
          ) : (
            <Text as="p" color="color.text.subtle">
              {messages.vision.emptyReader}
            </Text>
          )}
          {props.error ? <WriteError error={props.error} /> : null}
        </Stack>
      </Box>
      <Box as="figure" xcss={figureStyles}>
        <Stack space="space.100">
          <Inline space="space.100" alignBlock="center">
            <Lozenge appearance="new">{messages.vision.exampleLabel}</Lozenge>
            <Box as="figcaption">
              <Text size="small" color="color.text.subtle">
                {messages.vision.exampleCaption}
              </Text>
            </Box>
          </Inline>
          <ReadOnlyBoard board={messages.vision.example} variant="example" testId="vision-example" />
        </Stack>
      </Box>
    </Stack>
  );
}

const figureStyles = xcss({ margin: 'space.0' });
