import { createRoot } from 'react-dom/client';
import { App } from './App';
import { cognitoAuth } from './auth/cognito';
import { localDemoAuth } from './auth/local-demo';
import { loadConfig } from './config';
import './app.css';

const root = createRoot(document.getElementById('root')!);
try {
  const config = await loadConfig();
  const auth = config.auth.kind === 'cognito' ? cognitoAuth(config.auth) : localDemoAuth(config.apiUrl);
  root.render(<App config={config} auth={auth} />);
} catch (error) {
  root.render(
    <main className="page">
      <h1>The terminal cannot start</h1>
      <p role="alert">{(error as Error).message}</p>
    </main>,
  );
}
