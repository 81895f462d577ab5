import { screensFor } from './screens';
import { AccessRequests } from './screens/AccessRequests';
import { AuditLog } from './screens/AuditLog';
import { Consultations } from './screens/Consultations';
import { DataSubjectRequests } from './screens/DataSubjectRequests';
import { Home } from './screens/Home';
import { IdentityCheck } from './screens/IdentityCheck';
import { LinkDetail } from './screens/LinkDetail';
import { MidAccuracy } from './screens/MidAccuracy';
import { SearchPortal } from './screens/SearchPortal';
import { Statistics } from './screens/Statistics';
import { VerificationQueue } from './screens/VerificationQueue';
import { useSignedIn } from './session-context';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { Link, usePath } from './ui/router';

function Screen({ path }: { path: string }) {
  const { session } = useSignedIn();
  const allowed = screensFor(session.caller.roles).map((screen) => screen.path);
  const linkMatch = /^\/links\/([^/]+)$/.exec(path);
  const base = linkMatch ? '/links' : path;
  if (base !== '/' && !allowed.includes(base)) {
    return (
      <section className="page">
        <h1 tabIndex={-1}>Not available</h1>
        <p>
          This screen is not available to your role. <Link to="/">Back to your screens</Link>.
        </p>
      </section>
    );
  }
  if (linkMatch) return <LinkDetail linkId={decodeURIComponent(linkMatch[1]!)} />;
  switch (base) {
    case '/search':
      return <SearchPortal />;
    case '/identity-check':
      return <IdentityCheck />;
    case '/links':
      return <VerificationQueue />;
    case '/consultations':
      return <Consultations />;
    case '/access-requests':
      return <AccessRequests />;
    case '/data-subject-requests':
      return <DataSubjectRequests />;
    case '/audit':
      return <AuditLog />;
    case '/statistics':
      return <Statistics />;
    case '/mid-accuracy':
      return <MidAccuracy />;
    default:
      return <Home />;
  }
}

export function Shell() {
  const { session, signOut } = useSignedIn();
  const path = usePath();
  const screens = screensFor(session.caller.roles);
  const { caller } = session;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          EU interoperability terminal
        </Link>
        <nav aria-label="Screens">
          <ul>
            {screens.map((screen) => (
              <li key={screen.path}>
                <Link to={screen.path} aria-current={path.startsWith(screen.path) ? 'page' : undefined}>
                  {screen.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="whoami">
          <span>
            <strong>{session.label ?? caller.userId}</strong>
            <span className="muted small">
              {' '}
              {caller.userId} · {caller.authority} · {caller.roles.join(', ')}
              {caller.profile ? ` · profile ${caller.profile}` : ''}
            </span>
          </span>
          <button type="button" className="secondary" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">
        <ErrorBoundary resetKey={path}>
          <Screen path={path} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
