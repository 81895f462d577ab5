import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { openBrowser, screenshot, signIn } from './browser';

const context = platformContext();

describe('web app: audit log', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    // Something to find: an ESP search by a known user.
    const officer = await caller(context, ['border-guard'], {
      profile: 'border-guard',
      authority: 'DE-BPOL',
      userId: 'e2e-audit-officer',
    });
    await officer.request('POST', '/v1/esp/search', {
      query: { travelDocument: { number: 'XX0000001' } },
      purpose: 'first-line-check',
    });
    const dpo = await caller(context, ['data-protection-officer'], { authority: 'EDPS' });
    await eventually(async () => {
      const log = await dpo.request('GET', '/v1/audit?userId=e2e-audit-officer');
      return log.body?.entries?.length ? true : undefined;
    });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters by user and action, verifies the chain, and shows a filter error next to its field', async () => {
    const page = await signIn(browser.context, context.url, 'dpo-claire');
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    const table = page.getByRole('table', { name: 'Log entries' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);

    await page.getByLabel('User').fill('e2e-audit-officer');
    await page.getByLabel('Action').fill('espSearch');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    // Every row shown is that user's search (the search may log more than one entry: request and Art 10 log).
    const rows = await eventually(
      async () => {
        const texts = (await table.getByRole('row').allTextContents()).slice(1);
        return texts.length > 0 && texts.every((text) => text.includes('e2e-audit-officer'))
          ? texts
          : undefined;
      },
      15_000,
      'the filtered rows',
    );
    for (const text of rows) {
      expect(text).toContain('espSearch');
      expect(text).toContain('DE-BPOL');
    }
    await page.getByRole('button', { name: 'Verify the log chains' }).click();
    const intact = page.getByRole('status').filter({ hasText: 'Chain intact' });
    await intact.waitFor();
    expect(await intact.textContent()).toMatch(/\d+ chains, \d+ entries verified, no problems found/);
    await screenshot(page, 'audit-log');

    await page.getByLabel('From (day)').fill('2026-02-02');
    await page.getByLabel('To (day)').fill('2026-02-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const fromField = page.locator('.field', { has: page.getByLabel('From (day)') });
    await fromField.locator('.field-error').waitFor();
    expect(await fromField.locator('.field-error').textContent()).toContain('from must not be after to');
    await screenshot(page, 'audit-log-filter-error');
    await page.close();
  });
});
