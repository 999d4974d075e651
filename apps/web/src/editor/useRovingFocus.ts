import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const ITEMS = 'button:not([disabled])';

/**
 * The WAI-ARIA toolbar pattern: the toolbar is one Tab stop, arrow keys (and Home/End) move
 * between its buttons. Remembers the last focused button so Tab returns to it, and moves the
 * Tab stop along when that button becomes disabled (undo with nothing left to undo).
 */
export function useRovingFocus(container: RefObject<HTMLElement | null>) {
  const current = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const items = Array.from(root.querySelectorAll<HTMLElement>(ITEMS));
    if (!current.current || !items.includes(current.current)) current.current = items[0] ?? null;
    for (const item of root.querySelectorAll<HTMLElement>('button')) {
      item.tabIndex = item === current.current ? 0 : -1;
    }
  });

  const onFocus = (event: { target: EventTarget }) => {
    const root = container.current;
    if (!root || !(event.target instanceof HTMLElement) || !event.target.matches(ITEMS)) return;
    current.current?.setAttribute('tabindex', '-1');
    current.current = event.target;
    event.target.tabIndex = 0;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const root = container.current;
    if (!root) return;
    const items = Array.from(root.querySelectorAll<HTMLElement>(ITEMS));
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (index === -1) return;
    const target =
      event.key === 'ArrowRight'
        ? items[(index + 1) % items.length]
        : event.key === 'ArrowLeft'
          ? items[(index - 1 + items.length) % items.length]
          : event.key === 'Home'
            ? items[0]
            : event.key === 'End'
              ? items[items.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  return { onFocus, onKeyDown };
}
