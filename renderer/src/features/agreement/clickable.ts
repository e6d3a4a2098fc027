import type { KeyboardEvent } from 'react';

/** Props that make an SVG group (or any element) a keyboard-reachable button. */
export function clickable(handler: () => void) {
  return {
    role: 'button' as const,
    tabIndex: 0,
    onClick: handler,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        handler();
      }
    },
  };
}
