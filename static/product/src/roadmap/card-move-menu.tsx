import { Fragment, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { MoveCommand } from './board-model';

export interface MoveChoice {
  command: MoveCommand;
  label: string;
  isDisabled: boolean;
}

/** Which group a choice belongs to: the cell, a column, or a lane (a separator between groups). */
const groupOf = (choice: MoveChoice) => (choice.command.startsWith('column') ? 'column' : choice.command.startsWith('lane') ? 'lane' : 'cell');

/** Room kept between the menu and the trigger or the window's edge, in px. */
const margin = 4;

/**
 * A card's "Move" menu (the WAI-ARIA menu button pattern, as static/shared/menu-button.tsx, but
 * on native buttons: one per card, 1,000 on a big board). Its choices are asked for when it opens.
 * The menu is drawn in a layer on <body>, placed from the trigger (below it, or above when there is
 * more room there), so neither the lane nor the board's scroll box clips it; a scroll elsewhere
 * closes it, as it would leave it floating away from its card.
 */
export function CardMoveMenu(props: {
  label: string;
  choices: () => MoveChoice[];
  onMove: (command: MoveCommand) => void;
  onTriggerKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const [choices, setChoices] = useState<MoveChoice[]>();
  const menuId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const open = choices !== undefined;
  const close = (refocus: boolean) => {
    setChoices(undefined);
    if (refocus) trigger.current?.focus();
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="rm-move"
        aria-label={props.label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : setChoices(props.choices()))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !event.altKey) {
            event.preventDefault();
            setChoices(props.choices());
            return;
          }
          props.onTriggerKeyDown(event);
        }}
      >
        <span aria-hidden="true">⋮⋮</span>
      </button>
      {open ? (
        <MoveMenuLayer
          id={menuId}
          label={props.label}
          choices={choices}
          trigger={trigger}
          onClose={close}
          onMove={(command) => {
            close(true);
            props.onMove(command);
          }}
        />
      ) : null}
    </>
  );
}

/** The open menu, mounted only while open: a closed card menu (1,000 on a board) costs a button. */
function MoveMenuLayer(props: {
  id: string;
  label: string;
  choices: MoveChoice[];
  trigger: React.RefObject<HTMLButtonElement | null>;
  onClose: (refocus: boolean) => void;
  onMove: (command: MoveCommand) => void;
}) {
  const { trigger, choices } = props;
  const menu = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState<CSSProperties>({});
  const latestClose = useRef(props.onClose);
  latestClose.current = props.onClose;
  const buttons = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];

  useLayoutEffect(() => {
    const anchor = trigger.current?.getBoundingClientRect();
    const element = menu.current;
    if (!anchor || !element) return;
    const below = window.innerHeight - anchor.bottom - 2 * margin;
    const above = anchor.top - 2 * margin;
    const up = element.scrollHeight > below && above > below;
    const width = element.offsetWidth;
    const left = Math.max(margin, Math.min(anchor.right - width, window.innerWidth - width - margin));
    setPlace({
      left,
      maxHeight: Math.max(up ? above : below, 8 * 16),
      ...(up ? { bottom: window.innerHeight - anchor.top + margin } : { top: anchor.bottom + margin }),
    });
  }, [trigger]);

  useEffect(() => {
    buttons()[0]?.focus();
    const inside = (target: EventTarget | null) => target instanceof Node && (!!menu.current?.contains(target) || !!trigger.current?.contains(target));
    const onOutside = (event: Event) => {
      if (!inside(event.target)) latestClose.current(false);
    };
    const onResize = () => latestClose.current(false);
    document.addEventListener('mousedown', onOutside);
    document.addEventListener('scroll', onOutside, true);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('mousedown', onOutside);
      document.removeEventListener('scroll', onOutside, true);
      window.removeEventListener('resize', onResize);
    };
  }, [trigger]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const list = buttons();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => list[(i + list.length) % list.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusAt(index + 1),
      ArrowUp: () => focusAt(index - 1),
      Home: () => focusAt(0),
      End: () => focusAt(list.length - 1),
      Escape: () => props.onClose(true),
      Tab: () => props.onClose(false),
    };
    const action = keys[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
    action();
  };

  return createPortal(
    <ul ref={menu} id={props.id} role="menu" aria-label={props.label} className="rm-menu" style={place} onKeyDown={onMenuKeyDown}>
      {choices.map((choice, index) => (
        <Fragment key={choice.command}>
          {index > 0 && groupOf(choice) !== groupOf(choices[index - 1]!) ? <li role="separator" /> : null}
          <li role="none">
            <button type="button" role="menuitem" tabIndex={-1} disabled={choice.isDisabled} onClick={() => props.onMove(choice.command)}>
              {choice.label}
            </button>
          </li>
        </Fragment>
      ))}
    </ul>,
    document.body,
  );
}
