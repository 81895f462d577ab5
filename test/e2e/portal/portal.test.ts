import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../../web/portal/i18n/ar';
import { platformContext } from '../../support/platform-context';
import { openBrowser, screenshot } from '../web/browser';
import { accessibilityProblems, focusOutline, tabTo } from './a11y';

const context = platformContext();
const SHOTS = join(process.cwd(), 'test-results', 'portal');
const DOCS = join(process.cwd(), 'docs', 'screenshots');
const PHONE = { width: 360, height: 740 };

const shot = (page: Page, name: string) => screenshot(page, name, join(SHOTS, `${name}.png`));

async function open(browser: Awaited<ReturnType<typeof openBrowser>>, path: string, viewport?: typeof PHONE) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`${context.url}${path}`);
  await page.locator('main h1').waitFor();
  return page;
}

/** Left and right edges of an element, in CSS pixels from the viewport's left. */
const edges = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { left: box.left, right: box.right };
    });

const languageAndDirection = async (page: Page) => [
  await page.locator('html').getAttribute('lang'),
  await page.locator('html').getAttribute('dir'),
];

describe('public portal', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('English, desktop: the rights, deadlines and authorities, with landmarks, a skip link and no contrast failure', async () => {
    const page = await open(browser, '/portal/en/');
    expect(await languageAndDirection(page)).toEqual(['en', 'ltr']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Your rights regarding the Multiple-Identity Detector',
    );
    const main = await page.getByRole('main').textContent();
    expect(main).toContain('within 45 days');
    expect(main).toContain('by 15 days');
    expect(main).toContain('Proving your identity');
    expect(main).toContain('If someone acts for you');
    expect(await page.getByRole('navigation', { name: 'Portal pages' }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Language' }).count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);

    // Keyboard: the first Tab stop is the skip link, and focus is visibly outlined.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('href')).toBe('#main');
    expect(await focusOutline(page)).toMatchObject({ style: 'solid' });
    expect((await focusOutline(page)).width).toBeGreaterThanOrEqual(2);
    await shot(page, 'portal-en-rights');
    await screenshot(page, 'portal-en-desktop', join(DOCS, 'portal-en-desktop.png'));

    // The authorities page, reached with the keyboard.
    await tabTo(page, 'nav[aria-label="Portal pages"] a[href="/portal/en/authorities"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Authorities in each country' }).waitFor();
    const countries = await page.locator('ul.authorities > li').evaluateAll((items) =>
      items.map((item) => ({
        country: item.getAttribute('data-country'),
        website: item.querySelector('a')?.getAttribute('href') ?? '',
      })),
    );
    expect(countries).toHaveLength(31);
    expect(countries.every((entry) => entry.website.startsWith('https://'))).toBe(true);
    expect(await page.locator('li[data-country="CH"] h3').textContent()).toBe('Switzerland');
    expect(await page.locator('.source').textContent()).toMatch(
      /Source: European Data Protection Board.*Compiled on/,
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'portal-en-authorities');
    await page.close();
  });

  it('English, keyboard only: a validation error is shown next to its field and the summary takes focus', async () => {
    const page = await open(browser, '/portal/en/request');
    await tabTo(page, '#field-type');
    await page.keyboard.press('ArrowDown'); // the second choice: rectification
    await tabTo(page, '#field-lodgedWith');
    await page.keyboard.type('Germany');
    await tabTo(page, '#field-subject-givenNames');
    await page.keyboard.type('Olena');
    await tabTo(page, '#field-subject-dateOfBirth');
    await page.keyboard.type('1990-04-25');
    await tabTo(page, '#field-contact-email');
    await page.keyboard.type('olena@example.org');
    expect(await page.locator('#field-type-rectification').isChecked()).toBe(true);
    expect(await page.locator('#field-lodgedWith').inputValue()).toBe('DE');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');

    // No surname and no single identification number: the API names body.subject.surname.
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(
      await page.locator(':focus').evaluate((element) => element.classList.contains('error-summary')),
    ).toBe(true);
    expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
    const surname = page.getByLabel('Surname');
    expect(await surname.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await surname.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent();
    expect(message).toContain('Enter the surname, or give the single identification number.');
    // The message sits inside the surname's own field, right above the input.
    expect(
      await page
        .locator('.field', { has: page.locator('#field-subject-surname') })
        .locator('.field-error')
        .count(),
    ).toBe(1);
    expect(await page.getByLabel('Given names').getAttribute('aria-invalid')).toBeNull();
    expect(await accessibilityProblems(page)).toEqual([]);

    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: /surname/ }).press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('field-subject-surname');
    await shot(page, 'portal-en-validation-error');
    await page.close();
  });

  it('English: a request is received with a reference and access code, then followed with them', async () => {
    const page = await open(browser, '/portal/en/request');
    await page.getByLabel('Access: a copy of the data').check();
    await page.getByLabel('Country you are sending the request to').selectOption('FR');
    await page.getByLabel('Surname').fill('KOWALCZYK');
    await page.getByLabel('Given names').fill('OLENA');
    await page.getByLabel('Date of birth').fill('1990-04-00');
    await page.getByLabel('Nationality').fill('ukr');
    await page.getByLabel('E-mail address').fill('olena.k@example.org');
    const reply = page.waitForResponse(
      (response) =>
        response.url().endsWith('/v1/data-subject-requests') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Send the request' }).click();
    const { receivedAt } = (await (await reply).json()) as { receivedAt: string };
    await page.getByRole('heading', { name: 'Your request has been received' }).waitFor();
    const reference = (await page.getByTestId('reference').textContent()) ?? '';
    const accessCode = (await page.getByTestId('access-code').textContent()) ?? '';
    expect(reference).toMatch(/^DSR-[0-9A-Z]{16}$/);
    expect(accessCode.length).toBeGreaterThan(5);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'portal-en-received');

    await page.getByRole('link', { name: 'Follow this request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Follow a request' }).waitFor();
    expect(await page.getByLabel('Reference').inputValue()).toBe(reference);

    // A wrong access code reads like an unknown reference.
    await page.getByLabel('Access code').fill('not-the-code');
    await page.getByRole('button', { name: 'Show the status' }).click();
    await page
      .locator('.error-summary')
      .getByText('No request matches this reference and access code')
      .waitFor();

    await page.getByLabel('Access code').fill(accessCode);
    await page.getByRole('button', { name: 'Show the status' }).click();
    await page.getByTestId('status').waitFor();
    expect(await page.getByTestId('status').textContent()).toBe('Waiting for proof of identity');
    const deadline = await page.getByTestId('deadline').textContent();
    const expected = new Date(Date.parse(receivedAt) + 45 * 86_400_000);
    expect(deadline).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(expected));
    expect(await page.locator('.status').textContent()).toContain('There is no answer yet.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'portal-en-follow');
    await page.close();
  });

  it('a 429 from the API says the request was rate-limited and when to try again', async () => {
    const page = await open(browser, '/portal/en/request');
    await page.route('**/v1/data-subject-requests', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '42', 'content-type': 'application/json' },
        body: '{"message":"Too many requests"}',
      }),
    );
    await page.getByRole('button', { name: 'Send the request' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'Too many requests have been sent from your connection. Please try again in 42 seconds.',
    );
    await page.close();
  });

  it('Arabic, phone: right to left and mirrored, an error in Arabic next to its field, a request received and followed', async () => {
    const english = await open(browser, '/portal/en/request', PHONE);
    const ltr = {
      heading: await edges(english, 'main h1'),
      radio: await edges(english, '#field-type'),
      radioLabel: await edges(english, 'label[for="field-type"]'),
      siteName: await edges(english, '.site-name'),
    };
    await english.close();

    const page = await open(browser, '/portal/ar/request', PHONE);
    expect(await languageAndDirection(page)).toEqual(['ar', 'rtl']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(ar['request.title']);
    // Nothing wider than the phone's screen.
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Mirrored: the heading starts at the right edge, the radio button sits right of its label.
    const heading = await edges(page, 'main h1');
    const radio = await edges(page, '#field-type');
    const radioLabel = await edges(page, 'label[for="field-type"]');
    const siteName = await edges(page, '.site-name');
    expect(ltr.radio.right).toBeLessThan(ltr.radioLabel.left);
    expect(radio.left).toBeGreaterThan(radioLabel.right);
    expect(Math.abs(heading.right - (PHONE.width - ltr.heading.left))).toBeLessThanOrEqual(2);
    expect(Math.abs(siteName.right - (PHONE.width - ltr.siteName.left))).toBeLessThanOrEqual(2);
    expect(Math.abs(radio.right - (PHONE.width - ltr.radio.left))).toBeLessThanOrEqual(2);

    // A bad nationality code: the Arabic message next to the field.
    await page.getByLabel(ar['request.type.access']).check();
    await page.getByLabel(ar['request.lodgedWith.label']).selectOption('DE');
    await page.getByLabel(ar['request.surname.label']).fill('حداد');
    await page.getByLabel(ar['request.dateOfBirth.label']).fill('1988-11-02');
    await page.getByLabel(ar['request.nationality.label']).fill('S1');
    await page.getByLabel(ar['request.email.label']).fill('r.haddad@example.org');
    await page.getByRole('button', { name: ar['request.submit'] }).click();
    await page.locator('.error-summary').waitFor();
    const nationality = page.locator('.field', { has: page.locator('#field-subject-nationality') });
    expect(await nationality.locator('.field-error').textContent()).toContain(
      ar['errors.subject.nationality'],
    );
    expect(await page.locator('#field-subject-nationality').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'portal-ar-phone-validation-error');

    await page.getByLabel(ar['request.nationality.label']).fill('SYR');
    await page.getByRole('button', { name: ar['request.submit'] }).click();
    await page.getByRole('heading', { name: ar['request.done.title'] }).waitFor();
    const reference = (await page.getByTestId('reference').textContent()) ?? '';
    const accessCode = (await page.getByTestId('access-code').textContent()) ?? '';
    expect(reference).toMatch(/^DSR-[0-9A-Z]{16}$/);
    // The reference reads left to right inside the right-to-left page.
    expect(await page.getByTestId('reference').locator('bdi').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'portal-ar-phone-received');
    await screenshot(page, 'portal-ar-phone', join(DOCS, 'portal-ar-phone.png'));

    await page.getByRole('link', { name: ar['request.done.follow'] }).click();
    await page.getByRole('heading', { level: 1, name: ar['follow.title'] }).waitFor();
    await page.getByLabel(ar['follow.accessCode']).fill(accessCode);
    await page.getByRole('button', { name: ar['follow.submit'] }).click();
    await page.getByTestId('status').waitFor();
    expect(await page.getByTestId('status').textContent()).toBe(ar['status.identity-verification-pending']);
    await shot(page, 'portal-ar-phone-follow');
    await page.close();
  });

  it('every page in every language renders with the lang and direction set and no accessibility problem', async () => {
    const page = await open(browser, '/portal/');
    for (const language of ['en', 'fr', 'de', 'ar', 'ru', 'uk', 'tr']) {
      for (const pagePath of ['', 'authorities', 'request', 'follow']) {
        await page.goto(`${context.url}/portal/${language}/${pagePath}`);
        await page.locator('main h1').waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
        expect(await accessibilityProblems(page), `${language}/${pagePath}`).toEqual([]);
      }
    }
    // The checker itself finds what it looks for.
    await page
      .locator('main')
      .evaluate((main) =>
        main.insertAdjacentHTML(
          'beforeend',
          '<p id="pale" style="color:#999">pale text</p><input id="pale"><a href="#" style="display:inline-block;width:2em;height:1em"></a><nav></nav>',
        ),
      );
    expect(await accessibilityProblems(page)).toEqual([
      'nav "" has no accessible name',
      'duplicate id pale',
      'input#pale "" has no label',
      'a "" has no text',
      'p#pale "pale text" contrast 2.85:1',
    ]);
    await page.close();
  });
});
