import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformContext } from '../../support/platform-context';
import { openBrowser, screenshot, signIn } from './browser';

const context = platformContext();

/** What each demo user's landing page must offer (and nothing else). */
const EXPECTED: Record<string, string[]> = {
  'bg-anna': ['Search portal'],
  'visa-luc': ['Search portal'],
  'asylum-eva': ['Search portal'],
  'police-marek': ['Search portal', 'Identity check'],
  'etias-ines': ['Search portal', 'Verification queue'],
  'sirene-jan': ['Search portal', 'Verification queue'],
  'verifier-ees-de': ['Verification queue'],
  'verifier-vis-fr': ['Verification queue'],
  'ct-sofia': ['Consultations'],
  'cap-paolo': ['Approval queue'],
  'rights-lena': ['Data-subject requests'],
  'dpo-claire': ['Audit log'],
  'stats-eulisa': ['MID accuracy', 'Statistics'],
};

describe('web app: sign-in as each role', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists every demo user on the sign-in page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${context.url}/`);
    const buttons = page.getByRole('list', { name: 'Demo users' }).getByRole('button');
    await buttons.first().waitFor();
    expect(await buttons.count()).toBe(Object.keys(EXPECTED).length);
    await expect(page.getByRole('button', { name: /Data protection officer/ }).isVisible()).resolves.toBe(
      true,
    );
    await screenshot(page, 'sign-in');
    await page.close();
  });

  for (const [userId, screens] of Object.entries(EXPECTED)) {
    it(`${userId}: the landing page shows the role's screens`, async () => {
      const page = await signIn(browser.context, context.url, userId);
      const nav = page.getByRole('navigation', { name: 'Screens' });
      expect((await nav.getByRole('link').allTextContents()).sort()).toEqual([...screens].sort());
      const cards = page.getByRole('list', { name: 'Your screens' }).getByRole('heading');
      expect((await cards.allTextContents()).sort()).toEqual([...screens].sort());
      await expect(page.getByText(userId, { exact: false }).first().isVisible()).resolves.toBe(true);
      await screenshot(page, `landing-${userId}`);
      await page.close();
    });
  }
});
