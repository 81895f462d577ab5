import { screensFor } from '../screens';
import { useSignedIn } from '../session-context';
import { Link, usePageTitle } from '../ui/router';

export function Home() {
  const { session } = useSignedIn();
  const screens = screensFor(session.caller.roles);
  usePageTitle('Your screens');
  return (
    <section className="page">
      <h1 tabIndex={-1}>Welcome, {session.label ?? session.caller.userId}</h1>
      <p className="muted">
        Signed in for {session.caller.authority} ({session.caller.memberState}) as{' '}
        {session.caller.roles.join(', ')}.
      </p>
      {screens.length === 0 ? (
        <p>Your role has no screens in this terminal.</p>
      ) : (
        <ul className="cards" aria-label="Your screens">
          {screens.map((screen) => (
            <li key={screen.path} className="card">
              <h2>
                <Link to={screen.path}>{screen.title}</Link>
              </h2>
              <p>{screen.description}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
