import { type AnchorHTMLAttributes, type ReactNode, useEffect, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** The current path; the local platform and CloudFront answer index.html for app paths. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

export function Link({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** Sets the document title and moves focus to the page heading, so screen readers announce the change. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · EU interoperability terminal`;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [title]);
}
