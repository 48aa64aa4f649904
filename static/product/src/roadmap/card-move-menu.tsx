import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { MoveCommand } from './board-model';

export interface MoveChoice {
  command: MoveCommand;
  label: string;
  isDisabled: boolean;
}

/**
 * A card's "Move" menu (the WAI-ARIA menu button pattern, as static/shared/menu-button.tsx, but
 * on native buttons: one per card, 1,000 on a big board). Its choices are asked for when it opens.
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
  const menu = useRef<HTMLUListElement>(null);
  const open = choices !== undefined;

  const buttons = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
  const close = (refocus: boolean) => {
    setChoices(undefined);
    if (refocus) trigger.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    buttons()[0]?.focus();
    const onPointerDown = (event: Event) => {
      if (!menu.current?.parentElement?.contains(event.target as Node)) setChoices(undefined);
    };
    document.addEventListener('mousedown', onPointerDown);
    return () => document.removeEventListener('mousedown', onPointerDown);
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const list = buttons();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => list[(i + list.length) % list.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusAt(index + 1),
      ArrowUp: () => focusAt(index - 1),
      Home: () => focusAt(0),
      End: () => focusAt(list.length - 1),
      Escape: () => close(true),
      Tab: () => close(false),
    };
    const action = keys[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
    action();
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
        <ul ref={menu} id={menuId} role="menu" aria-label={props.label} className="rm-menu" onKeyDown={onMenuKeyDown}>
          {choices.map((choice) => (
            <li key={choice.command} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                disabled={choice.isDisabled}
                onClick={() => {
                  close(true);
                  props.onMove(choice.command);
                }}
              >
                {choice.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
