import { useState } from 'react';

/** A form's call to the API: busy while it runs, then its reply, or its error for the fields to show. */
export function useSubmission<T>() {
  const [reply, setReply] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<T>) => {
    setBusy(true);
    setError(undefined);
    setReply(undefined);
    try {
      setReply(await call());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { reply, error, busy, run };
}
