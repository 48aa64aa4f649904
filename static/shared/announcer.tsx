import { createContext, useCallback, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import VisuallyHidden from '@atlaskit/visually-hidden';

const AnnounceContext = createContext<(message: string) => void>(() => undefined);

/**
 * One polite live region for the page: what changed out of sight (a goal moved, a version
 * restored) is said to screen readers without taking focus.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  // A repeated message must still change the region's text, or it is not read again.
  const announce = useCallback((next: string) => setMessage((previous) => (previous === next ? `${next}\u00a0` : next)), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <VisuallyHidden>
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
          {message}
        </div>
      </VisuallyHidden>
    </AnnounceContext.Provider>
  );
}

export const useAnnounce = (): ((message: string) => void) => useContext(AnnounceContext);

