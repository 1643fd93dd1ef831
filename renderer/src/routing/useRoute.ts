/** The current route from the location, following back/forward; a hash that names nothing becomes the library. */
import { useCallback, useEffect, useState } from 'react';
import type { AppLocation } from './location.js';
import { formatRoute, parseRoute, type Route } from './route.js';

export type Navigate = (route: Route, options?: { replace?: boolean }) => void;

export function useRoute(location: AppLocation): [Route, Navigate] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash()) ?? { name: 'library' });

  useEffect(() => {
    const sync = (): void => {
      const parsed = parseRoute(location.hash());
      // An address that names nothing shows the library, and the address says so.
      if (parsed === null) location.go(formatRoute({ name: 'library' }), { replace: true });
      else setRoute((current) => (formatRoute(current) === formatRoute(parsed) ? current : parsed));
    };
    sync();
    return location.subscribe(sync);
  }, [location]);

  const navigate = useCallback<Navigate>(
    (next, options) => {
      const hash = formatRoute(next);
      if (hash === location.hash()) return;
      location.go(hash, options);
    },
    [location],
  );
  return [route, navigate];
}
