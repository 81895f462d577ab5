import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../api/endpoints';
import type { StatisticsQuery } from '../api/types';
import { useSignedIn } from '../session-context';

/**
 * A report over a day range, loaded on arrival and on each submitted query: the statistics and the
 * MID accuracy screens. The server's period (its default when none is asked) becomes the filters'.
 */
export function usePeriodReport<
  Reply extends { from: string; to: string },
  Filters extends { from: string; to: string },
>(fetchReport: (api: Api, query: StatisticsQuery) => Promise<Reply>, initialFilters: Filters) {
  const { api } = useSignedIn();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [reply, setReply] = useState<Reply>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(
    async (query: StatisticsQuery) => {
      setError(undefined);
      try {
        const result = await fetchReport(api, query);
        setReply(result);
        setFilters((old) => ({ ...old, from: result.from, to: result.to }));
      } catch (caught) {
        setError(caught);
      }
    },
    [api, fetchReport],
  );
  useEffect(() => {
    void load({});
  }, [load]);

  return { filters, setFilters, reply, error, load };
}
