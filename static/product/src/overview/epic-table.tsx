import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { EpicSummary } from '../../../../src/contract';
import type { StatusCategory } from '../../../../src/domain/model';
import { messages } from '../../../shared/messages';
import { ProgressSegments } from '../../../shared/progress-segments';
import Button from '@atlaskit/button/new';
import { useState } from 'react';
import { crawl as crawlWords } from '../../../shared/messages/crawl';
import { RowSpacer, WindowBox, useWindowedRows } from '../../../shared/windowed-list';
import { formatNumber } from '../../../shared/format';

/** Rows rendered at first and added per "Show more": a project of 5,000 epics keeps a light page. */
export const epicRowsPerPage = 100;

const appearanceByCategory: Record<StatusCategory, 'default' | 'inprogress' | 'success'> = {
  todo: 'default',
  'in-progress': 'inprogress',
  done: 'success',
};

const tableStyles = xcss({ width: '100%', borderCollapse: 'collapse' } as Parameters<typeof xcss>[0]);

export function EpicTable({ epics }: { epics: readonly EpicSummary[] }) {
  const [shownCount, setShownCount] = useState(epicRowsPerPage);
  const shown = epics.length > shownCount ? epics.slice(0, shownCount) : epics;
  const more = epics.length - shown.length;
  // Past the first page the table scrolls in its own box and draws the rows near its view: 5,000 epics keep a few screens of DOM.
  const rows = useWindowedRows({ count: shown.length, keyOf: (index) => shown[index]!.id, estimate: 57 });
  return (
    <section aria-labelledby="epics-heading"><Stack space="space.150">
      <Heading size="medium" as="h2" id="epics-heading">
        {messages.epicsHeading} <Text color="color.text.subtlest">({formatNumber(epics.length)})</Text>
      </Heading>
      {epics.length === 0 ? (
        <Text>{messages.epicsEmpty}</Text>
      ) : (
        <WindowBox window={rows} label={messages.epicsHeading}>
        <Box as="table" xcss={tableStyles} testId="epic-table" {...(rows.windowed ? { 'aria-rowcount': shown.length + 1 } : {})}>
          <thead>
            <tr>
              <HeaderCell>{messages.epicColumn}</HeaderCell>
              <HeaderCell>{messages.statusColumn}</HeaderCell>
              <HeaderCell>{messages.progressColumn}</HeaderCell>
            </tr>
          </thead>
          <tbody ref={rows.list as React.RefObject<HTMLTableSectionElement>}>
            {rows.entries.map((entry) => {
              if (entry.kind === 'spacer') return <RowSpacer key={`spacer-${entry.from}`} entry={entry} columns={3} />;
              const epic = shown[entry.index]!;
              return (
              <tr key={epic.id} data-row-index={entry.index} {...(rows.windowed ? { 'aria-rowindex': entry.index + 2 } : {})}>
                <Cell>
                  <Text color="color.text.subtle" size="small">
                    {epic.key}
                  </Text>
                  <br />
                  <Text weight="medium">{epic.summary}</Text>
                </Cell>
                <Cell>
                  <Lozenge appearance={appearanceByCategory[epic.status.category]}>{epic.status.name}</Lozenge>
                </Cell>
                <Cell>
                  {epic.counting ? (
                    <Text color="color.text.subtlest" size="small">
                      {crawlWords.cardCounting}
                    </Text>
                  ) : (
                    <ProgressSegments counts={epic.children} />
                  )}
                </Cell>
              </tr>
              );
            })}
          </tbody>
        </Box>
        </WindowBox>
      )}
      {more > 0 ? (
        <Stack space="space.100">
          <Text color="color.text.subtle" size="small">
            {crawlWords.epicsShown(shown.length, epics.length)}
          </Text>
          <div>
            <Button onClick={() => setShownCount((n) => n + epicRowsPerPage)}>{crawlWords.showMoreEpics(Math.min(more, epicRowsPerPage))}</Button>
          </div>
        </Stack>
      ) : null}
    </Stack></section>
  );
}

const headerCellStyles = xcss({
  textAlign: 'start',
  paddingBlock: 'space.100',
  paddingInline: 'space.100',
  borderBlockEndWidth: 'border.width.selected',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
  color: 'color.text.subtle',
  font: 'font.body.small',
  fontWeight: 'font.weight.semibold',
});

const cellStyles = xcss({
  paddingBlock: 'space.100',
  paddingInline: 'space.100',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
  verticalAlign: 'middle',
});

function HeaderCell({ children }: { children: React.ReactNode }) {
  return (
    <Box as="th" xcss={headerCellStyles} {...{ scope: 'col' }}>
      {children}
    </Box>
  );
}

function Cell({ children }: { children: React.ReactNode }) {
  return (
    <Box as="td" xcss={cellStyles}>
      {children}
    </Box>
  );
}
