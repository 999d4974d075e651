import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { usePointerDownOutside } from '../form/usePointerDownOutside.ts';
import { useIdentity } from '../identity.ts';
import { Avatar } from '../identity/Avatar.tsx';
import { navigate } from '../routes.ts';
import type { Me } from './accountApi.ts';
import { signOut } from './accountStore.ts';

/**
 * The header's "this is you": the account's name, and a menu (WAI-ARIA menu button) with the
 * account page and signing out.
 */
export function AccountMenu({ me }: { readonly me: Me }) {
  const identity = useIdentity(me);
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  // A click anywhere else closes the menu.
  usePointerDownOutside(open, [menuRef, buttonRef], () => setOpen(false));

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === 'ArrowDown'
        ? list[(index + 1) % list.length]
        : event.key === 'ArrowUp'
          ? list[(index - 1 + list.length) % list.length]
          : event.key === 'Home'
            ? list[0]
            : event.key === 'End'
              ? list[list.length - 1]
              : undefined;
    if (next) {
      event.preventDefault();
      next.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  const leave = () => {
    setSigningOut(true);
    // Whatever the server answers, this device forgets the account (accountStore.signOut).
    signOut()
      .catch(() => undefined)
      .finally(() => navigate('/'));
  };

  return (
    <div className="account-menu">
      <button
        ref={buttonRef}
        type="button"
        className="identity-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account: ${me.name}`}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Avatar name={identity.name} color={identity.color} />
        <span className="identity-button__name">{me.name}</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          className="command-menu account-menu__popup"
          role="menu"
          aria-label="Account"
          onKeyDown={onMenuKeyDown}
        >
          <p className="account-menu__who" aria-hidden="true">
            {me.email}
            {me.isAdmin && ' · administrator'}
          </p>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="command-menu__item account-menu__item"
            onClick={() => {
              close(false);
              navigate('/account');
            }}
          >
            Account, password and API tokens
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="command-menu__item account-menu__item"
            disabled={signingOut}
            onClick={leave}
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
