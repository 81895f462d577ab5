import { createRoot } from 'react-dom/client';
import { loadConfig } from '../app/config';
import { preferredLanguage, translator } from './i18n';
import { Portal } from './Portal';
import './portal.css';

const root = createRoot(document.getElementById('root')!);
try {
  // The same config.json as the terminal: the portal only needs the API's address.
  const { apiUrl } = await loadConfig();
  root.render(<Portal apiUrl={apiUrl} />);
} catch {
  root.render(
    <main className="portal-main">
      <p role="alert">{translator(preferredLanguage(navigator.languages))('errors.unreachable')}</p>
    </main>,
  );
}
