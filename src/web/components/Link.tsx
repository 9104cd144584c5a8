/** An in-app link: a real `<a href>` (opens in a new tab with Ctrl/⌘) that navigates without a reload. */
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../app/router.js';

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
