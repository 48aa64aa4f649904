import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Text } from '@atlaskit/primitives';
import type { GoalView } from '../../../../src/contract';
import { invoke } from '../../../shared/bridge';
import { ConflictNotice } from '../../../shared/conflict-notice';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { messages } from '../../../shared/messages';
import { WriteError } from '../../../shared/write-error';

export interface GoalDeleted {
  id: string;
  kpis: number;
  measurements: number;
}

/**
 * "Delete this goal?" said with what goes with it: its KPIs and how many measurements (counted
 * from each KPI's history, since the strategy view carries only the recent ones).
 */
export function GoalDeleteConfirm(props: { goal: GoalView; onDeleted: (deleted: GoalDeleted) => void; onCancel: () => void; onTheirs: (goal: GoalView) => void }) {
  const { goal } = props;
  const [measurements, setMeasurements] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError<{ id: string; kpis: number; measurements: number }>>();
  const [conflict, setConflict] = useState<GoalView>();

  useEffect(() => {
    let current = true;
    void Promise.all(goal.kpis.map((kpi) => attempt(() => invoke('getKpiHistory', { id: kpi.id })))).then((results) => {
      if (!current || results.some((r) => !r.ok)) return;
      setMeasurements(results.reduce((sum, r) => sum + (r.ok ? r.value.measurements.length : 0), 0));
    });
    return () => {
      current = false;
    };
  }, [goal.kpis]);

  const remove = async (baseVersion: number) => {
    setBusy(true);
    const result = await attempt(() => invoke('deleteGoal', { id: goal.id, baseVersion }));
    setBusy(false);
    if (result.ok) return props.onDeleted(result.value);
    if (result.error.code === 'conflict') {
      // The delete's conflict carries no goal; read the goal as it is now.
      const now = await attempt(() => invoke('getStrategy'));
      const theirs = now.ok ? now.value.goals.find((g) => g.id === goal.id) : undefined;
      if (theirs) return setConflict(theirs);
    }
    setError(result.error);
  };

  if (conflict) {
    return (
      <ConflictNotice
        headingLevel="h4"
        stamp={conflict.updated}
        isBusy={busy}
        reapplyLabel={messages.goals.confirmDelete}
        onReapply={() => void remove(conflict.version)}
        onDiscard={() => props.onTheirs(conflict)}
      >
        <Text as="p">{messages.goals.confirmDeleteBody(conflict.kpis.length, undefined)}</Text>
      </ConflictNotice>
    );
  }
  return (
    <SectionMessage
      appearance="warning"
      title={messages.goals.confirmDeleteTitle(goal.title)}
      headingLevel="h4"
      actions={[
        <Button key="delete" appearance="danger" onClick={() => void remove(goal.version)} isLoading={busy}>
          {messages.goals.confirmDelete}
        </Button>,
        <Button key="cancel" onClick={props.onCancel} isDisabled={busy} autoFocus>
          {messages.common.cancel}
        </Button>,
      ]}
    >
      <Text as="p">{messages.goals.confirmDeleteBody(goal.kpis.length, measurements)}</Text>
      {error ? <WriteError error={error} headingLevel="h5" /> : null}
    </SectionMessage>
  );
}
