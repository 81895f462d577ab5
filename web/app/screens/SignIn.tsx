import { useEffect, useState } from 'react';
import type { Auth, DemoUser } from '../auth/port';
import type { Session } from '../auth/session';
import { ErrorMessage, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/router';

export function SignIn({ auth, onSignedIn }: { auth: Auth; onSignedIn: (session: Session) => void }) {
  usePageTitle('Sign in');
  return (
    <main className="page sign-in" id="main">
      <h1 tabIndex={-1}>Sign in to the EU interoperability terminal</h1>
      {auth.kind === 'local-demo' ? (
        <DemoUsers auth={auth} onSignedIn={onSignedIn} />
      ) : (
        <>
          <p>You sign in with your authority's account.</p>
          <button type="button" onClick={() => void auth.signIn()}>
            Sign in
          </button>
        </>
      )}
    </main>
  );
}

function DemoUsers({
  auth,
  onSignedIn,
}: {
  auth: Extract<Auth, { kind: 'local-demo' }>;
  onSignedIn: (session: Session) => void;
}) {
  const [users, setUsers] = useState<DemoUser[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  useEffect(() => {
    auth.listUsers().then(setUsers, setError);
  }, [auth]);
  const signIn = async (userId: string) => {
    setBusy(userId);
    setError(undefined);
    try {
      onSignedIn(await auth.signIn(userId));
    } catch (caught) {
      setError(caught);
      setBusy(undefined);
    }
  };
  return (
    <>
      <p>
        Local platform: choose a demo user. Each one has a role, an authority and, for searches, an ESP
        profile.
      </p>
      <ErrorMessage error={error} title="Sign-in failed" />
      {!users && !error && <Loading what="demo users" />}
      {users && (
        <ul className="user-list" aria-label="Demo users">
          {users.map((user) => (
            <li key={user.userId}>
              <button
                type="button"
                className="user-button"
                disabled={busy !== undefined}
                onClick={() => void signIn(user.userId)}
              >
                <span className="user-label">{user.label}</span>
                <span className="muted small">
                  {user.userId} · {user.authority} · {user.roles.join(', ')}
                  {user.profile ? ` · profile ${user.profile}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
