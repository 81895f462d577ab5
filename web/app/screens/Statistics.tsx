import { usePageTitle } from '../ui/router';

/** The CRRS statistics API (Art 39) does not exist yet: say so rather than show invented figures. */
export function Statistics() {
  usePageTitle('Statistics');
  return (
    <section className="page">
      <h1 tabIndex={-1}>Statistics</h1>
      <div className="notice notice-info" role="status">
        <strong>Not available yet.</strong>
        <p>
          The anonymised statistics of the central repository for reporting and statistics (Art 39) have no
          API on this platform yet. Charts of queries per profile, identity checks, links per colour and time
          spent yellow will appear here once it exists. No figures are shown until then.
        </p>
      </div>
    </section>
  );
}
