import { useCallback, useEffect, useState } from 'react';

export interface ListPage<T> {
  items: T[];
  cursor?: string;
}

/**
 * A list read page by page: the first page on mount and on `refresh`, the next one appended on `more`.
 * `fetchPage` must be stable (useCallback): a new one reloads the list.
 */
export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<ListPage<T>>) {
  const [items, setItems] = useState<T[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(
    async (after?: string) => {
      setError(undefined);
      try {
        const page = await fetchPage(after);
        setItems((old) => (after ? [...(old ?? []), ...page.items] : page.items));
        setCursor(page.cursor);
      } catch (caught) {
        setError(caught);
      }
    },
    [fetchPage],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return {
    items,
    error,
    refresh: () => void load(),
    /** The next page, or undefined when the last one is shown. */
    more: cursor === undefined ? undefined : () => void load(cursor),
  };
}
