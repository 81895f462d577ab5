import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { openBrowser, screenshot, signIn } from './browser';
import { originSystem, uniqueSurname } from './fixtures';

const context = platformContext();
const surname = uniqueSurname('WEBSEARCH');

/** Searches the loaded person by surname, first name and date of birth, and waits for the results. */
async function searchForLindiwe(page: Page) {
  await page.goto(`${context.url}/search`);
  await page.getByLabel('Surname(s)').fill(surname);
  await page.getByLabel('First name(s)').fill('LINDIWE');
  await page.getByLabel('Date of birth').fill('1984-03-17');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('heading', { name: 'Results' }).waitFor();
}

describe('web app: search portal', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    const vis = await originSystem(context, 'VIS');
    const put = await vis.request('PUT', `/v1/systems/VIS/records/e2e-web-search-${surname.toLowerCase()}`, {
      identity: {
        surnames: [surname],
        firstNames: ['LINDIWE'],
        dateOfBirth: '1984-03-17',
        nationalities: ['ZAF'],
        sex: 'F',
      },
      travelDocuments: [{ type: 'P', number: 'ZA9911223', issuingCountry: 'ZAF' }],
      version: 1,
      memberState: 'FR',
    });
    expect(put.status).toBe(201);
    // The CIR answers the ESP from the record's blocking keys as soon as it is stored.
    const officer = await caller(context, ['immigration-authority'], {
      profile: 'immigration-asylum',
      authority: 'NL-IND',
    });
    await eventually(
      async () => {
        const reply = await officer.request('POST', '/v1/esp/search', {
          query: { identity: { surnames: [surname], firstNames: ['LINDIWE'], dateOfBirth: '1984-03-17' } },
          purpose: 'international-protection',
        });
        return reply.body?.results?.find((r: { source: string }) => r.source === 'CIR')?.status === 'hit'
          ? true
          : undefined;
      },
      60_000,
      'the new record in ESP replies',
    );
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows only the profile fields, and the API field error next to the field concerned', async () => {
    const page = await signIn(browser.context, context.url, 'asylum-eva');
    await page.getByRole('link', { name: 'Search portal' }).first().click();
    await page.getByRole('heading', { name: 'Search portal', level: 1 }).waitFor();
    await page.getByLabel('First name(s)').waitFor();
    // immigration-asylum allows identity, document and biometric fields, not more.
    const labels = await page.locator('form[aria-label="ESP query"] label').allTextContents();
    expect(labels).toContain('Surname(s)');
    expect(labels).toContain('Travel document number');
    await page.getByLabel('First name(s)').fill('LINDIWE');
    await page.getByRole('button', { name: 'Search' }).click();
    const surnameField = page.locator('.field', { has: page.getByLabel('Surname(s)') });
    await surnameField.locator('.field-error').waitFor();
    expect(await page.getByLabel('Surname(s)').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'search-field-error');
    await page.close();
  });

  it('a search with a hit: one card per system with its status and time, the CIR hit shown', async () => {
    const page = await signIn(browser.context, context.url, 'asylum-eva');
    await searchForLindiwe(page);
    const cards = page.locator('li.source-card');
    expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-source')))).toEqual([
      'CIR',
      'EURODAC',
      'VIS',
      'EES',
      'ETIAS',
      'SIS',
    ]);
    const cir = page.locator('li.source-card[data-source="CIR"]');
    expect(await cir.locator('.badge').textContent()).toBe('Hit');
    expect(await cir.textContent()).toContain(surname);
    expect(await cir.textContent()).toMatch(/\d+ ms/);
    for (const status of await cards.locator('.badge').allTextContents()) {
      expect(['Hit', 'No hit']).toContain(status);
    }
    await screenshot(page, 'search-hit');
    await screenshot(page, 'search-portal', join(process.cwd(), 'docs', 'screenshots', 'search-portal.png'));
    await page.close();
  });

  it('a search with a source down: that system is unavailable, the others still answer', async () => {
    const page = await signIn(browser.context, context.url, 'sirene-jan');
    await searchForLindiwe(page);
    // The e2e platform runs with ESP_FAULTS making EUROPOL fail (test/e2e/global-setup.ts).
    const europol = page.locator('li.source-card[data-source="EUROPOL"]');
    expect(await europol.locator('.badge').textContent()).toBe('Unavailable');
    expect(await europol.textContent()).toContain('could not be searched');
    expect(await page.locator('li.source-card[data-source="CIR"] .badge').textContent()).toBe('Hit');
    expect(await page.getByRole('status').filter({ hasText: 'did not answer' }).count()).toBe(1);
    await screenshot(page, 'search-source-down');
    await page.close();
  });
});
