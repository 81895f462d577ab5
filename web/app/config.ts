import type { AppConfig } from './config-types';

export type { AppConfig, AuthConfig } from './config-types';

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config = (await response.json()) as Partial<AppConfig>;
  if (!config.auth || (config.auth.kind !== 'local-demo' && config.auth.kind !== 'cognito')) {
    throw new Error('config.json: auth.kind must be local-demo or cognito');
  }
  return { apiUrl: (config.apiUrl ?? '').replace(/\/$/, ''), auth: config.auth };
}
