import { useCallback, useEffect, useMemo, useState } from 'react';
import { httpClient } from './api/client';
import { endpoints } from './api/endpoints';
import type { Auth } from './auth/port';
import type { Session } from './auth/session';
import type { AppConfig } from './config';
import { Shell } from './Shell';
import { SignIn } from './screens/SignIn';
import { SignedInContext } from './session-context';
import { ErrorMessage, Loading } from './ui/feedback';

export function App({ config, auth }: { config: AppConfig; auth: Auth }) {
  const [session, setSession] = useState<Session | undefined>();
  const [restoring, setRestoring] = useState(true);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    auth
      .restore()
      .then(setSession, setError)
      .finally(() => setRestoring(false));
  }, [auth]);

  const signOut = useCallback(() => {
    auth.signOut();
    setSession(undefined);
  }, [auth]);

  const signedIn = useMemo(() => {
    if (!session) return undefined;
    const http = httpClient(config.apiUrl, () => session.token, signOut);
    return { session, api: endpoints(http), signOut };
  }, [session, config.apiUrl, signOut]);

  if (restoring) return <Loading what="your session" />;
  if (!signedIn) {
    return (
      <>
        {error !== undefined && <ErrorMessage error={error} title="Sign-in failed" />}
        <SignIn auth={auth} onSignedIn={setSession} />
      </>
    );
  }
  return (
    <SignedInContext.Provider value={signedIn}>
      <Shell />
    </SignedInContext.Provider>
  );
}
