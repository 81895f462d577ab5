import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'web');

/** Headless Debian Chromium with a fresh profile, 1280 px wide like a terminal screen. */
export async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'interop-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in as a demo user from the sign-in page, as a person would. */
export async function signIn(context: BrowserContext, url: string, userId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.evaluate('sessionStorage.clear()');
  await page.goto(`${url}/`);
  await page.getByRole('button', { name: new RegExp(`\\b${userId}\\b`) }).click();
  await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
  return page;
}

export async function screenshot(page: Page, name: string, path = join(SCREENSHOTS, `${name}.png`)) {
  await page.screenshot({ path, fullPage: true });
}
