/**
 * A real link to a route (`<a href="#/…">`: it can be opened, copied and read as a link), whose
 * plain click goes through the app's navigation, so it works over any location (tests included).
 */
import { createContext, useContext, type MouseEvent, type ReactNode } from 'react';
import type { Navigate } from './useRoute.js';
import { formatRoute, type Route } from './route.js';

const NavigateContext = createContext<Navigate | null>(null);

export function NavigateProvider({ navigate, children }: { navigate: Navigate; children: ReactNode }) {
  return <NavigateContext.Provider value={navigate}>{children}</NavigateContext.Provider>;
}

/** The app's navigation; null outside the app shell (e.g. a component rendered alone in a test). */
export function useNavigate(): Navigate | null {
  return useContext(NavigateContext);
}

export function AppLink({ to, children, className }: { to: Route; children: ReactNode; className?: string }) {
  const navigate = useNavigate();
  const onClick = (e: MouseEvent<HTMLAnchorElement>): void => {
    if (!navigate || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={formatRoute(to)} className={className} onClick={onClick}>
      {children}
    </a>
  );
}
