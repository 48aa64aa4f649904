import { memo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { RoadmapItemView } from '../../../../src/contract';
import { messages } from '../../../shared/messages';
import type { MoveCommand } from './board-model';
import { CardEvidence } from './card-evidence';
import { CheckInBadges } from '../../../shared/check-in-badge';
import { CardMoveMenu } from './card-move-menu';
import type { MoveChoice } from './card-move-menu';
import { datesText, forecastLine, isAtRisk, progressOf, releaseRiskLines, sprintsLine } from './delivery-text';
import { useCardDrag } from './use-card-drag';
import { CardScore } from './card-score';
import { CardRollupPlaceholder } from './crawl-progress';

const m = messages.roadmap;

/** Alt+←/→: neighbouring column; Alt+↑/↓: reorder in the cell; Alt+Shift+↑/↓: neighbouring lane. */
export function keyCommand(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'key'>): MoveCommand | undefined {
  if (!event.altKey) return undefined;
  switch (event.key) {
    case 'ArrowLeft':
      return 'column-before';
    case 'ArrowRight':
      return 'column-after';
    case 'ArrowUp':
      return event.shiftKey ? 'lane-before' : 'up';
    case 'ArrowDown':
      return event.shiftKey ? 'lane-after' : 'down';
    default:
      return undefined;
  }
}

export interface RoadmapCardProps {
  item: RoadmapItemView;
  canEdit: boolean;
  selected: boolean;
  onOpen: (itemId: string) => void;
  onCommand: (itemId: string, command: MoveCommand) => void;
  moveChoices: (itemId: string) => MoveChoice[];
  registerTitle: (itemId: string, element: HTMLButtonElement | null) => void;
  /** Its place in its cell (1-based) and the cell's size, for screen readers: a cell draws only the cards near the view. */
  posInSet?: number;
  setSize?: number;
}

/**
 * One roadmap item on the board: title, status, dates, epics, progress, forecast and sprints.
 * Plain elements and one stylesheet (roadmap-board.css), no ADS components: a board may hold
 * 1,000 of these. Editors drag it, or move it from its menu or with Alt+arrows.
 */
export const RoadmapCard = memo(function RoadmapCard(props: RoadmapCardProps) {
  const { item, canEdit } = props;
  const card = useRef<HTMLLIElement>(null);
  const { edge, dragging } = useCardDrag({ itemId: item.id, enabled: canEdit, card });
  const delivery = item.delivery;
  const progress = delivery ? progressOf(delivery.rollup) : undefined;
  const dates = datesText(item);
  const titleId = `rm-title-${item.id}`;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const command = canEdit ? keyCommand(event) : undefined;
    if (!command) return;
    event.preventDefault();
    props.onCommand(item.id, command);
  };

  return (
    <li
      ref={card}
      className={canEdit ? 'rm-card' : 'rm-card rm-card-readonly'}
      data-dragging={dragging || undefined}
      data-selected={props.selected || undefined}
      data-testid={`roadmap-card-${item.id}`}
      aria-labelledby={titleId}
      aria-posinset={props.posInSet}
      aria-setsize={props.setSize}
    >
      {edge ? <span className="rm-indicator" data-edge={edge} aria-hidden="true" data-testid="drop-indicator" /> : null}
      <div className="rm-card-top">
        <button
          type="button"
          id={titleId}
          ref={(element) => props.registerTitle(item.id, element)}
          className="rm-card-title"
          aria-expanded={props.selected}
          onClick={() => props.onOpen(item.id)}
          onKeyDown={onKeyDown}
        >
          {item.title}
        </button>
        {canEdit ? (
          <CardMoveMenu label={m.moveMenu(item.title)} choices={() => props.moveChoices(item.id)} onMove={(command) => props.onCommand(item.id, command)} onTriggerKeyDown={onKeyDown} />
        ) : null}
      </div>
      <div className="rm-meta">
        <span className="rm-pill" data-status={item.status}>
          {m.status[item.status]}
        </span>
        {isAtRisk(delivery) ? (
          <span className="rm-pill" data-status="at-risk">
            {m.atRisk}
          </span>
        ) : null}
        {dates ? <span>{dates}</span> : null}
        <span>{m.epicCount(item.epicIds.length)}</span>
      </div>
      <CardEvidence item={item} />
      <CheckInBadges checkIn={item.checkIn} />
      <CardScore item={item} />
      {item.epicIds.length === 0 ? null : !delivery ? (
        <CardRollupPlaceholder label={m.progressLoading} />
      ) : (
        <>
          {progress ? (
            <>
              <div className="rm-bar" role="img" aria-label={progress.label}>
                <span className="rm-bar-done" style={{ width: `${progress.doneShare}%` }} />
                <span className="rm-bar-progress" style={{ width: `${progress.inProgressShare}%` }} />
              </div>
              <span className="rm-line">
                {progress.text}
                {progress.unestimated ? ` · ${progress.unestimated}` : ''}
              </span>
            </>
          ) : (
            <span className="rm-line rm-line-subtlest">{m.noChildren}</span>
          )}
          <span className="rm-line">{forecastLine(delivery.forecast)}</span>
          {releaseRiskLines(delivery).map((line) => (
            <span key={line} className="rm-line rm-line-risk">
              {line}
            </span>
          ))}
          <span className="rm-line rm-line-subtlest">{sprintsLine(delivery.sprints)}</span>
        </>
      )}
    </li>
  );
});
