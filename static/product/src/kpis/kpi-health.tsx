import Lozenge from '@atlaskit/lozenge';
import { Inline, Text } from '@atlaskit/primitives';
import type { KpiHealth } from '../../../../src/domain/strategy';
import { messages } from '../../../shared/messages';

export const healthAppearance = { 'on-track': 'success', 'at-risk': 'moved', 'off-track': 'removed', 'no-data': 'default' } as const;

/** Health in a word (lozenge) and why, in the server's one sentence: never a colour alone. */
export function KpiHealthNote({ health, reason, id }: { health: KpiHealth; reason: string; id?: string }) {
  return (
    <Inline space="space.100" alignBlock="start">
      <Lozenge appearance={healthAppearance[health]}>{messages.kpis.health[health]}</Lozenge>
      <Text size="small" color="color.text.subtle" id={id}>
        {reason}
      </Text>
    </Inline>
  );
}
