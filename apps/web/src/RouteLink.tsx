import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './routes.ts';

type RouteLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { readonly to: string };

/**
 * An ordinary link (so copy-link, middle-click and open-in-new-tab keep working) that navigates
 * in place on a plain left click.
 */
export function RouteLink({ to, onClick, ...rest }: RouteLinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
