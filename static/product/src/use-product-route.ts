import { useCallback, useEffect, useRef, useState } from 'react';
import { appHistory } from '../../shared/bridge';
import type { AppHistory } from '../../shared/bridge';
import { defaultRoute, formatRoute, parseRoute, sameRoute } from '../../shared/product-route';
import type { ProductRoute } from '../../shared/product-route';

export interface ProductRouteStore {
  /** Undefined until the app's history has answered, so the page never flashes the wrong tab. */
  route: ProductRoute | undefined;
  /** `push` for a step the user may want to go back from (tab, item); `replace` for a setting (layout). */
  go: (next: ProductRoute, how: 'push' | 'replace') => void;
}

/**
 * The product page's route, kept in the app's history in Jira's URL: read once on load (a reload
 * or a shared link), written as the user moves, and followed on back / forward. Where the host has
 * no history (it rejects `createHistory`) the route lives in memory for this visit.
 */
export function useProductRoute(): ProductRouteStore {
  const [route, setRoute] = useState<ProductRoute>();
  const history = useRef<AppHistory>();

  useEffect(() => {
    let live = true;
    let unlisten: (() => void) | undefined;
    const follow = (pathname: unknown) => {
      const next = parseRoute(pathname);
      setRoute((current) => (current && sameRoute(current, next) ? current : next));
    };
    appHistory().then(
      (opened) => {
        if (!live) return;
        history.current = opened;
        follow(opened.location.pathname);
        unlisten = opened.listen((location) => follow(location.pathname));
      },
      () => live && setRoute((current) => current ?? defaultRoute),
    );
    return () => {
      live = false;
      unlisten?.();
    };
  }, []);

  const go = useCallback((next: ProductRoute, how: 'push' | 'replace') => {
    setRoute(next);
    const opened = history.current;
    const path = formatRoute(next);
    if (opened && opened.location.pathname !== path) opened[how](path);
  }, []);

  return { route, go };
}
