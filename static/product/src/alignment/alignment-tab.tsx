import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AlignmentView } from '../../../../src/contract';
import { useAnnounce } from '../../../shared/announcer';
import { ErrorMessage } from '../../../shared/error-message';
import { Loading } from '../../../shared/loading';
import { messages } from '../../../shared/messages';
import { RadioGroup } from '../../../shared/radio-group';
import { AlignmentMatrix } from './alignment-matrix';
import { alignmentCsv, downloadCsv, roadmapCsv } from './exports';
import { exportTexts } from '../../../shared/messages/export';
import { InvestmentChart } from './investment-chart';
import type { Measure } from './investment-chart';
import { InvestmentTable } from './investment-table';
import { UnalignedEpics } from './unaligned-epics';
import { useAlignment } from './use-alignment';

const m = messages.alignment;
const sectionGap = 'space.400' as const;
const listStyles = xcss({ paddingInlineStart: 'space.300', margin: 'space.0' });

/** The Alignment tab: for project managers, is the work serving the goals, and where does each sprint's effort go. */
export function AlignmentTab() {
  const store = useAlignment();
  const { state } = store;
  if (state.status === 'loading') return <Loading label={m.loading} />;
  if (state.status === 'failed') return <ErrorMessage error={state.error} onRetry={store.reload} />;
  const view = state.value;
  return (
    <Stack space={sectionGap} testId="alignment-tab">
      <Stack space="space.100">
        <Heading size="large" as="h2">
          {m.heading}
        </Heading>
        <Text color="color.text.subtle">{m.intro}</Text>
        {view.pending.length > 0 ? (
          <SectionMessage appearance="information">
            <p>{m.pending(view.pending.length)}</p>
          </SectionMessage>
        ) : null}
        <ExportButtons view={view} />
      </Stack>
      <UnalignedEpics view={view} onLinked={store.refresh} />
      <GoalsWithoutWork view={view} />
      <SprintInvestment view={view} />
      <AlignmentMatrix view={view} />
    </Stack>
  );
}

function ExportButtons({ view }: { view: AlignmentView }) {
  const announce = useAnnounce();
  const save = (fileName: string, text: string) => {
    downloadCsv(fileName, text);
    announce(m.exported(fileName));
  };
  return (
    <Inline space="space.100" shouldWrap alignBlock="center">
      <Button onClick={() => save(exportTexts.alignmentFile(view.project.key, view.today), alignmentCsv(view))}>{m.exportAlignment}</Button>
      <Button onClick={() => save(exportTexts.roadmapFile(view.project.key, view.today), roadmapCsv(view))}>{m.exportRoadmap}</Button>
      <Text size="small" color="color.text.subtle">
        {m.exportIntro}
      </Text>
    </Inline>
  );
}

function GoalsWithoutWork({ view }: { view: AlignmentView }) {
  const title = new Map(view.goals.map((goal) => [goal.id, goal.title]));
  return (
    <Box as="section" aria-labelledby="goals-without-work-heading">
      <Stack space="space.150">
        <Heading size="medium" as="h2" id="goals-without-work-heading">
          {m.goalsWithoutWorkHeading(view.goalsWithoutWork.length)}
        </Heading>
        <Text color="color.text.subtle">{m.goalsWithoutWorkIntro}</Text>
        {view.goals.length === 0 ? (
          <Text>{m.matrixNoGoals}</Text>
        ) : view.goalsWithoutWork.length === 0 ? (
          <Text>{m.goalsWithoutWorkEmpty}</Text>
        ) : (
          <Box as="ul" xcss={listStyles} testId="goals-without-work">
            {view.goalsWithoutWork.map((goalId) => (
              <li key={goalId}>
                <Text>{title.get(goalId) ?? goalId}</Text>
              </li>
            ))}
          </Box>
        )}
      </Stack>
    </Box>
  );
}

function SprintInvestment({ view }: { view: AlignmentView }) {
  const tableId = useId();
  const [measure, setMeasure] = useState<Measure>(view.storyPoints.fieldName ? 'points' : 'issues');
  return (
    <Box as="section" aria-labelledby="investment-heading">
      <Stack space="space.150">
        <Heading size="medium" as="h2" id="investment-heading">
          {m.investmentHeading}
        </Heading>
        <Text color="color.text.subtle">{m.investmentIntro}</Text>
        <Text color="color.text.subtle">{m.splitNote}</Text>
        {view.investment.length === 0 ? (
          <Text>{m.investmentEmpty}</Text>
        ) : (
          <>
            <Text size="small" color="color.text.subtle">
              {view.storyPoints.message}
            </Text>
            <RadioGroup legend={m.measureLegend} value={measure} onChange={setMeasure} options={(['points', 'issues'] as const).map((value) => ({ value, label: m.measures[value] }))} />
            <InvestmentChart view={view} measure={measure} tableId={tableId} />
            <InvestmentTable view={view} id={tableId} />
          </>
        )}
      </Stack>
    </Box>
  );
}
