import { useState } from 'react';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { JqlPreview } from '../../../../src/contract';
import type { KpiSource } from '../../../../src/domain/strategy';
import { invoke } from '../../../shared/bridge';
import { attempt, fieldError } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { Field, FieldMessage } from '../../../shared/field';
import { formatNumber } from '../../../shared/format';
import { messages } from '../../../shared/messages';

const k = messages.kpis;
type JqlSource = Exclude<KpiSource, { kind: 'manual' }>;
type JqlKey = 'jql' | 'numeratorJql' | 'denominatorJql';

/**
 * The JQL of a count or a ratio, and "Check JQL": `previewKpiSource` runs it as the user and says
 * what it counts now, or Jira's own message next to the query it is about.
 */
export function JqlFields(props: { source: JqlSource; onChange: (source: JqlSource) => void; saveError?: UiError }) {
  const { source } = props;
  const [preview, setPreview] = useState<{ status: 'idle' } | { status: 'checking' } | { status: 'ok'; value: JqlPreview } | { status: 'failed'; error: UiError }>({ status: 'idle' });
  const keys: JqlKey[] = source.kind === 'jql-count' ? ['jql'] : ['numeratorJql', 'denominatorJql'];
  const labels: Record<JqlKey, string> = { jql: k.jql, numeratorJql: k.numeratorJql, denominatorJql: k.denominatorJql };
  const valueOf = (key: JqlKey) => (source as Record<string, string>)[key] ?? '';

  // Jira's complaint goes next to the query it names; one naming no query goes next to the first.
  const previewError = (key: JqlKey) => {
    if (preview.status !== 'failed') return undefined;
    const field = preview.error.field?.replace(/^(kpi\.)?source\./, '');
    const named = keys.includes(field as JqlKey) ? field : keys[0];
    return named === key ? preview.error.message : undefined;
  };

  const check = async () => {
    setPreview({ status: 'checking' });
    const result = await attempt(() => invoke('previewKpiSource', { source }));
    setPreview(result.ok ? { status: 'ok', value: result.value } : { status: 'failed', error: result.error });
  };

  return (
    <Stack space="space.150">
      {keys.map((key) => (
        <Field key={key} label={labels[key]} isRequired helper={key === keys[0] ? k.jqlHelper : undefined} error={fieldError(props.saveError, `kpi.source.${key}`) ?? previewError(key)}>
          {(control) => (
            <TextArea
              {...control}
              isMonospaced
              minimumRows={2}
              resize="vertical"
              value={valueOf(key)}
              onChange={(e) => {
                setPreview({ status: 'idle' });
                props.onChange({ ...source, [key]: e.target.value } as JqlSource);
              }}
            />
          )}
        </Field>
      ))}
      <Inline space="space.150" alignBlock="center" shouldWrap>
        <Button onClick={() => void check()} isLoading={preview.status === 'checking'}>
          {k.checkJql}
        </Button>
        <Box aria-live="polite">
          {preview.status === 'ok' ? (
            <Text size="small" color="color.text.success" testId="jql-preview">
              {preview.value.counts.denominator === undefined
                ? k.previewCount(preview.value.counts.numerator)
                : k.previewRatio(preview.value.counts.numerator, preview.value.counts.denominator, formatNumber(preview.value.value))}
            </Text>
          ) : null}
          {preview.status === 'failed' && preview.error.code !== 'invalid' ? <FieldMessage>{preview.error.message}</FieldMessage> : null}
        </Box>
      </Inline>
    </Stack>
  );
}
