/**
 * What one vision version changed, word by word, against the version before it in the history:
 * removed words struck through, added words underlined (and named for screen readers).
 */
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { Result } from '../../../../src/contract';
import type { VisionBoard } from '../../../../src/domain/strategy';
import { visionFields } from '../../../../src/domain/vision-changes';
import { wordDiff } from '../../../../src/domain/word-diff';
import { invoke } from '../../../shared/bridge';
import { ErrorMessage } from '../../../shared/error-message';
import { Loading } from '../../../shared/loading';
import { messages } from '../../../shared/messages';
import { feed as m } from '../../../shared/messages/feed';
import { useResult } from '../../../shared/use-result';

const textStyles = xcss({ font: 'font.body', color: 'color.text', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' });
const removedStyles = xcss({ backgroundColor: 'color.background.danger', color: 'color.text.danger', textDecoration: 'line-through', marginInlineEnd: 'space.050' });
const addedStyles = xcss({ backgroundColor: 'color.background.success', color: 'color.text.success', textDecoration: 'underline' });
const hidden = xcss({ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' } as never);

export function VersionDiff({ version, previous, fields }: { version: number; previous: number | undefined; fields: readonly string[] }) {
  const { state, reload } = useResult(async (): Promise<Result<{ after: VisionBoard; before: VisionBoard | undefined }>> => {
    const [after, before] = await Promise.all([invoke('getVisionVersion', { version }), previous === undefined ? undefined : invoke('getVisionVersion', { version: previous })]);
    if (!after.ok) return { ok: false, error: { code: after.error.code, message: after.error.message } };
    if (before && !before.ok) return { ok: false, error: { code: before.error.code, message: before.error.message } };
    return { ok: true as const, value: { after: after.value.board, before: before?.value.board } };
  });
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <ErrorMessage error={state.error} onRetry={reload} headingLevel="h5" />;
  const { after, before } = state.value;
  const shown = visionFields.filter((field) => fields.includes(field));
  return (
    <Stack space="space.150" testId={`vision-diff-${version}`}>
      <Text size="small" color="color.text.subtle">
        {m.diffLegend}
      </Text>
      {shown.map((field) => (
        <Stack space="space.050" key={field}>
          <Text weight="semibold">{messages.vision.fields[field]}</Text>
          <FieldDiff before={before?.[field as keyof VisionBoard] ?? ''} after={after[field as keyof VisionBoard]} />
        </Stack>
      ))}
    </Stack>
  );
}

function FieldDiff({ before, after }: { before: string; after: string }) {
  const parts = wordDiff(before, after);
  return (
    <Box xcss={textStyles}>
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <Box as="span" key={index} xcss={part.kind === 'added' ? addedStyles : removedStyles} testId={`diff-${part.kind}`}>
            <Box as="span" xcss={hidden}>
              {part.kind === 'added' ? m.addedText('') : m.removedText('')}
            </Box>
            {part.text}
          </Box>
        ),
      )}
    </Box>
  );
}
