import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatisticsRow } from '../../../functions/statistics/domain/report';
import { CHARTS } from '../../../web/app/screens/statistics-figures';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { openBrowser, SCREENSHOTS, screenshot, signIn } from './browser';

const context = platformContext();
// A Member State no other e2e test acts for, so that its figures are this file's only.
const MS = 'MT';
const SEARCHES = 6;
const IDENTITY_CHECKS = 2;

interface Reply {
  from: string;
  to: string;
  suppressionThreshold: number;
  rows: StatisticsRow[];
}

async function statisticsUser() {
  return caller(context, ['statistics'], { authority: 'EU-LISA', memberState: 'EU', userId: 'e2e-stats' });
}

async function apiStatistics(query: string): Promise<Reply> {
  const reply = await (await statisticsUser()).request('GET', `/v1/statistics${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as Reply;
}

/**
 * What each chart's table must show, summed here from the API's rows: per bar, the known counts
 * added up, and the suppressed rows counted (`<5`, `n × <5`, `k + <5`), never as 0.
 */
function expectedTables(reply: Reply): Record<string, Record<string, string>> {
  const below = `<${reply.suppressionThreshold}`;
  return Object.fromEntries(
    CHARTS.map((chart) => {
      const sums = new Map<string, { known: number; suppressed: number }>();
      for (const key of chart.order ?? []) sums.set(key, { known: 0, suppressed: 0 });
      for (const row of reply.rows.filter((r) => r.metric === chart.metric)) {
        const key = chart.by.map((k) => row.dimensions[k]).join('|');
        const sum = sums.get(key) ?? { known: 0, suppressed: 0 };
        if (row.suppressed) sum.suppressed += 1;
        else sum.known += row.count!;
        sums.set(key, sum);
      }
      const table = [...sums].map(([key, { known, suppressed }]) => {
        const values = key.split('|');
        const label = chart.label ? chart.label(values) : values.join(', ');
        const hidden = suppressed === 1 ? below : `${suppressed} × ${below}`;
        const text = suppressed === 0 ? String(known) : known === 0 ? hidden : `${known} + ${hidden}`;
        return [label, text];
      });
      return [chart.title, Object.fromEntries(table)];
    }),
  );
}

/** Every chart's table as the page shows it: title -> row label -> count text. */
async function shownTables(page: Page): Promise<Record<string, Record<string, string>>> {
  const shown: Record<string, Record<string, string>> = {};
  for (const chart of CHARTS) {
    const figure = page.getByRole('figure', { name: chart.title });
    const toggle = figure.getByRole('button', { name: 'Show as table' });
    if (await toggle.isVisible()) await toggle.click();
    const table = figure.getByRole('table', { name: chart.title });
    shown[chart.title] = {};
    if (!(await table.isVisible())) continue; // "Nothing counted in this period."
    for (const row of await table.locator('tbody tr').all()) {
      const label = (await row.locator('th').textContent()) ?? '';
      shown[chart.title]![label.trim()] = ((await row.locator('td').textContent()) ?? '').trim();
    }
  }
  return shown;
}

/** The page's tables equal the API's figures for the same filter (retried while MID checks settle). */
async function expectPageMatchesApi(page: Page, query: string) {
  let last: unknown;
  await eventually(
    async () => {
      const expected = expectedTables(await apiStatistics(query));
      const shown = await shownTables(page);
      last = { expected, shown };
      if (isDeepStrictEqual(shown, expected)) return true;
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByRole('status').filter({ hasText: 'counters' }).waitFor();
      return undefined;
    },
    30_000,
    'the page to show the API figures',
  ).catch((error) => {
    throw new Error(`${(error as Error).message}: ${JSON.stringify(last, null, 1)}`);
  });
  return last as { expected: Record<string, Record<string, string>> };
}

describe('web app: statistics', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    // Figures of our own on top of the demo seed: ESP searches and identity checks for Malta.
    const officer = await caller(context, ['border-guard'], {
      profile: 'border-guard',
      authority: 'MT-POLICE',
      memberState: MS,
      userId: 'e2e-stats-officer',
    });
    for (let i = 0; i < SEARCHES; i++) {
      const reply = await officer.request('POST', '/v1/esp/search', {
        query: { travelDocument: { number: `MT${String(i).padStart(7, '0')}` } },
        purpose: 'first-line-check',
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }
    const police = await caller(context, ['police'], {
      profile: 'police-identity-check',
      authority: 'MT-POLICE',
      memberState: MS,
      userId: 'e2e-stats-police',
    });
    for (let i = 0; i < IDENTITY_CHECKS; i++) {
      const reply = await police.request('POST', '/v1/cir/identity-checks', {
        reason: 'no-credible-document',
        age: 40,
        identity: { surnames: ['ZAMMIT'], firstNames: ['MARIA'], dateOfBirth: '1980-01-01' },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the figures of GET /v1/statistics as charts and tables, suppressed counts as <5', async () => {
    const page = await signIn(browser.context, context.url, 'stats-eulisa');
    await page.getByRole('link', { name: 'Statistics' }).first().click();
    await page.getByRole('status').filter({ hasText: 'counters' }).waitFor();
    // Every chart is an SVG with a text alternative naming each bar and its count.
    expect(
      await page.getByRole('img', { name: /^ESP searches per profile\..*border guard: \d+/ }).count(),
    ).toBe(1);
    await screenshot(page, 'statistics');
    copyFileSync(
      join(SCREENSHOTS, 'statistics.png'),
      join(process.cwd(), 'docs', 'screenshots', 'statistics.png'),
    );

    // The default period (the server's last 30 days), all Member States.
    const from = await page.getByLabel('From (day)').inputValue();
    const to = await page.getByLabel('To (day)').inputValue();
    const all = await expectPageMatchesApi(page, `?from=${from}&to=${to}`);
    expect(Object.keys(all.expected['ESP searches per profile']!)).toContain('border guard');

    // Malta only: exactly this test's searches, and its two identity checks suppressed.
    await page.getByLabel('Member State').fill(MS);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Member State ${MS}` })
      .waitFor();
    const malta = await expectPageMatchesApi(page, `?from=${from}&to=${to}&memberState=${MS}`);
    expect(malta.expected['ESP searches per profile']).toEqual({ 'border guard': String(SEARCHES) });
    expect(malta.expected['Identity checks (Art 20)']).toEqual({ 'without biometrics, no hit': '<5' });
    const checks = page.getByRole('table', { name: 'Identity checks (Art 20)' });
    expect(await checks.locator('td').allInnerTexts()).toEqual(['<5']);
    await screenshot(page, 'statistics-malta');

    // One metric only.
    await page.getByLabel('Metric').selectOption({ label: 'Time links stayed yellow' });
    expect(await page.getByRole('figure').count()).toBe(1);
    await page.close();
  });

  it('downloads the CSV export with the bearer token, equal to GET /v1/statistics.csv', async () => {
    const page = await signIn(browser.context, context.url, 'stats-eulisa');
    await page.getByRole('link', { name: 'Statistics' }).first().click();
    await page.getByLabel('Member State').fill(MS);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Member State ${MS}` })
      .waitFor();
    const from = await page.getByLabel('From (day)').inputValue();
    const to = await page.getByLabel('To (day)').inputValue();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`statistics-${from}-${to}-${MS}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    const api = await (await statisticsUser()).request(
      'GET',
      `/v1/statistics.csv?from=${from}&to=${to}&memberState=${MS}`,
    );
    expect(api.status).toBe(200);
    expect(csv).toBe(api.body);
    expect(csv).toMatch(/^metric,day,memberState,/);
    expect(csv).toContain(',<5\n');
    await page.close();
  });

  it('shows a filter the API refuses next to its field', async () => {
    const page = await signIn(browser.context, context.url, 'stats-eulisa');
    await page.getByRole('link', { name: 'Statistics' }).first().click();
    await page.getByRole('status').filter({ hasText: 'counters' }).waitFor();
    await page.getByLabel('Member State').fill('MLT');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const field = page.locator('.field', { has: page.getByLabel('Member State') });
    await field.locator('.field-error').waitFor();
    expect(await page.getByLabel('Member State').getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });
});
