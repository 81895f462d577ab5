import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENS } from '../../../web/app/screens';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { seriousViolations } from '../axe';
import { openBrowser, screenshot, signIn } from './browser';

const context = platformContext();

/** A demo user who sees each screen (local/demo-users.ts). */
const USER_OF: Record<string, string> = {
  '/search': 'bg-anna',
  '/identity-check': 'police-marek',
  '/links': 'verifier-ees-de',
  '/consultations': 'ct-sofia',
  '/access-requests': 'cap-paolo',
  '/data-subject-requests': 'rights-lena',
  '/audit': 'dpo-claire',
  '/statistics': 'stats-eulisa',
  '/mid-accuracy': 'stats-eulisa',
};

/** Waits until the screen has loaded what it shows (no "Loading ..." left). */
async function settled(page: Page) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 30_000 });
}

const horizontalOverflow = async (page: Page) =>
  (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;

describe('accessibility (axe-core): no serious or critical violation on any screen', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the sign-in page, on a terminal and on a phone (it reflows: nothing wider than the screen)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${context.url}/`);
    await page.evaluate('sessionStorage.clear()');
    await page.goto(`${context.url}/`);
    await page.getByRole('list', { name: 'Demo users' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await horizontalOverflow(page)).toBe(0);
    const box = await page.getByRole('button', { name: /bg-anna/ }).boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-phone');
    await page.close();
  });

  it.each(SCREENS.map((screen) => [screen.path, screen.title] as const))('%s (%s)', async (path) => {
    const user = USER_OF[path];
    expect(user, `a demo user for ${path}`).toBeDefined();
    const page = await signIn(browser.context, context.url, user!);
    expect(await seriousViolations(page)).toEqual([]); // the home screen
    await page.goto(`${context.url}${path}`);
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('statistics: every label and value of the bar charts lies inside its chart, on a terminal and on a phone', async () => {
    const page = await signIn(browser.context, context.url, 'stats-eulisa');
    await page.goto(`${context.url}/statistics`);
    await settled(page);
    await page.locator('svg.bar-chart text').first().waitFor();
    const outside = `[...document.querySelectorAll('svg.bar-chart')].flatMap((svg) =>
      [...svg.querySelectorAll('text')]
        .filter((text) => { const box = text.getBBox(); return box.x < 0 || box.x + box.width > svg.viewBox.baseVal.width; })
        .map((text) => text.textContent))`;
    expect(await page.evaluate(outside)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await page.evaluate(outside)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.close();
  });

  it('a search with hits, and a refused empty search whose reason the API named', async () => {
    const page = await signIn(browser.context, context.url, 'bg-anna');
    await page.goto(`${context.url}/search`);
    await settled(page);
    await page.getByRole('button', { name: 'Search' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'The search was refused' });
    await refused.waitFor();
    // No field of the form can hold "give at least one part": the API's own words are in the banner.
    expect(await refused.textContent()).not.toContain('marked below');
    expect(await refused.locator('li').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Surname(s)').fill('KOVALENKO');
    await page.getByLabel('First name(s)').fill('OLENA');
    await page.getByLabel('Date of birth').fill('1990-04-12');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('a link in verification: the legal ground first, the score labelled as such, differing fields marked', async () => {
    const verifiers = [
      ['verifier-ees-de', 'EES:DE', 'DE'],
      ['verifier-vis-fr', 'VIS:FR', 'FR'],
      ['sirene-jan', 'SIRENE:DE', 'DE'],
    ] as const;
    const [user, linkId] = await eventually(
      async () => {
        for (const [userId, authority, memberState] of verifiers) {
          const verifier = await caller(context, ['link-verifier'], { authority, memberState });
          const queue = await verifier.request('GET', '/v1/mid/links?colour=yellow&limit=1');
          const item = queue.body?.items?.[0];
          if (item) return [userId, item.linkId as string] as const;
        }
        return undefined;
      },
      360_000,
      'a yellow link in a demo verifier queue',
    );
    const page = await signIn(browser.context, context.url, user);
    await page.goto(`${context.url}/links/${linkId}`);
    await page.getByRole('heading', { name: 'Matching evidence' }).waitFor();
    const headings = await page.locator('.evidence h3').allTextContents();
    expect(headings[0]).toContain('Legal ground: Delegated Regulation (EU) 2023/333');
    expect(headings[1]).toContain('The identity score (statistical; not the legal ground)');
    for (const level of await page
      .getByRole('table', { name: 'Score comparisons' })
      .locator('tbody td:nth-child(3)')
      .allTextContents())
      expect(level).toMatch(/^score: /);
    // A yellow link's identity data differ: at least one field is marked on both sides.
    expect(await page.locator('.file-column .differs').count()).toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'link-detail');
    await page.close();
  }, 420_000);

  it('the public portal, every page, left to right and right to left', async () => {
    const page = await browser.context.newPage();
    for (const path of [
      '/portal/en/',
      '/portal/en/authorities',
      '/portal/en/request',
      '/portal/en/follow',
      '/portal/ar/',
    ]) {
      await page.goto(`${context.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.close();
  });
});
