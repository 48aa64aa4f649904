import { Fragment } from 'react';
import { Inline, Text } from '@atlaskit/primitives';
import type { AlignmentView } from '../../../../src/contract';
import { messages } from '../../../shared/messages';
import { sliceColor } from './investment-colors';
import { DataTable, Td, Th } from './table';

const m = messages.alignment;

/** Every figure of the chart as text: a row per sprint and goal, with the sprint's total. */
export function InvestmentTable({ view, id }: { view: AlignmentView; id: string }) {
  const goalIndex = new Map(view.goals.map((goal, index) => [goal.id, index]));
  const goalTitle = new Map(view.goals.map((goal) => [goal.id, goal.title]));
  return (
    <DataTable caption={m.investmentHeading} id={id} testId="investment-table">
      <thead>
        <tr>
          <Th>{m.sprintColumn}</Th>
          <Th>{m.goalColumn}</Th>
          <Th align="end">{m.committedPoints}</Th>
          <Th align="end">{m.completedPoints}</Th>
          <Th align="end">{m.committedIssues}</Th>
          <Th align="end">{m.completedIssues}</Th>
        </tr>
      </thead>
      <tbody>
        {view.investment.map((sprint) => (
          <Fragment key={sprint.sprintId}>
            {sprint.slices.map((slice) => (
              <tr key={slice.goalId ?? 'none'}>
                <Td>
                  <Text>{sprint.name}</Text> <Text size="small" color="color.text.subtlest">{m.sprintState[sprint.state]}</Text>
                </Td>
                <Td>
                  <Inline space="space.075" alignBlock="center">
                    <svg width={10} height={10} aria-hidden="true">
                      <rect width={10} height={10} fill={sliceColor(slice.goalId === null ? undefined : goalIndex.get(slice.goalId))} />
                    </svg>
                    <Text>{slice.goalId === null ? m.noGoalSlice : goalTitle.get(slice.goalId) ?? slice.goalId}</Text>
                  </Inline>
                </Td>
                <Td align="end">{m.value(slice.committed.points)}</Td>
                <Td align="end">{m.value(slice.completed.points)}</Td>
                <Td align="end">{m.value(slice.committed.issues)}</Td>
                <Td align="end">{m.value(slice.completed.issues)}</Td>
              </tr>
            ))}
            <tr>
              <Td>
                <Text weight="semibold">{sprint.name}</Text> <Text size="small" color="color.text.subtlest">{m.sprintState[sprint.state]}</Text>
              </Td>
              <Td>
                <Text weight="semibold">{m.totalRow}</Text>
                {sprint.unestimated > 0 ? (
                  <>
                    {' '}
                    <Text size="small" color="color.text.subtle">{m.unestimated(sprint.unestimated)}</Text>
                  </>
                ) : null}
              </Td>
              <Td align="end"><Text weight="semibold">{m.value(sprint.total.committed.points)}</Text></Td>
              <Td align="end"><Text weight="semibold">{m.value(sprint.total.completed.points)}</Text></Td>
              <Td align="end"><Text weight="semibold">{m.value(sprint.total.committed.issues)}</Text></Td>
              <Td align="end"><Text weight="semibold">{m.value(sprint.total.completed.issues)}</Text></Td>
            </tr>
          </Fragment>
        ))}
      </tbody>
    </DataTable>
  );
}
