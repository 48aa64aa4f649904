import Button, { IconButton } from '@atlaskit/button/new';
import { CrossIcon } from '../../../../shared/icons';
import { messages } from '../../../../shared/messages';
import type { Undoable } from '../use-roadmap-moves';
import './timeline.css';

const t = messages.timeline;

/** "Moved X · Undo": the last move or date change, while it can be undone (Ctrl/Cmd+Z does the same). */
export function UndoFlag(props: { undoable: Undoable | undefined; onUndo: () => void; onDismiss: () => void }) {
  if (!props.undoable) return null;
  const { title } = props.undoable;
  return (
    <div className="tl-undo" data-testid="roadmap-undo">
      <span>{t.moved(title)}</span>
      <Button spacing="compact" onClick={props.onUndo} aria-label={t.undoLabel(title)}>
        {t.undo}
      </Button>
      <IconButton icon={CrossIcon} label={messages.common.dismiss} appearance="subtle" spacing="compact" onClick={props.onDismiss} />
    </div>
  );
}
