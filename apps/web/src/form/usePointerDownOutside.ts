import { useEffect, useRef, type RefObject } from 'react';

/** While `active`, a press anywhere outside the given elements calls `onOutside` (menus, popovers). */
export function usePointerDownOutside(
  active: boolean,
  inside: ReadonlyArray<RefObject<HTMLElement | null>>,
  onOutside: () => void,
): void {
  // Fresh on every render; the refs they hold are stable, so the listener reads the latest.
  const latest = useRef({ inside, onOutside });
  useEffect(() => {
    latest.current = { inside, onOutside };
  });
  useEffect(() => {
    if (!active) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!latest.current.inside.some((ref) => ref.current?.contains(target))) latest.current.onOutside();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [active]);
}
