import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_SEARCHES, TOUR_RECORDS } from '../../../local/demo-tour';
import { DEMO_USERS } from '../../../local/demo-users';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { seriousViolations } from '../axe';
import { openBrowser, screenshot, signIn } from './browser';

const context = platformContext();
const [sisFile, visaFile] = TOUR_RECORDS;

/** README.md, "Five-minute tour", step by step in the browser, on the demo data `npm start` seeds. */
describe('the README five-minute tour', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    // The tour's person is seeded first; her MID checks still wait for the consumer to reach them.
    const sirene = await caller(context, ['link-verifier'], { authority: 'SIRENE:DE', memberState: 'DE' });
    await eventually(
      async () => {
        const queue = await sirene.request('GET', '/v1/mid/links?colour=yellow&limit=100');
        return queue.body?.items?.some((item: { records: { recordId: string }[] }) =>
          item.records.some((record) => record.recordId === visaFile!.recordId),
        )
          ? true
          : undefined;
      },
      360_000,
      "the tour's yellow link in the SIRENE DE queue",
    );
    browser = await openBrowser();
  }, 420_000);
  afterAll(async () => {
    await browser?.close();
  });

  const accessible = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

  it('1. a border guard (bg-anna) searches KOVALENKO OLENA 1990-04-12, passport FX1234567: the SIS refusal-of-entry alert, the TDAWN notice', async () => {
    const page = await signIn(browser.context, context.url, 'bg-anna');
    await page.getByRole('link', { name: 'Search portal' }).first().click();
    await page.getByLabel('Surname(s)').fill('KOVALENKO');
    await page.getByLabel('First name(s)').fill('OLENA');
    await page.getByLabel('Date of birth').fill('1990-04-12');
    await page.getByLabel('Travel document number').fill('FX1234567');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    const sis = page.locator('li.source-card[data-source="SIS"]');
    expect(await sis.locator('.badge').textContent()).toBe('Hit');
    expect(await sis.textContent()).toContain('Refuse entry');
    // The refusal of entry is what the guard acts on now: the first card, marked apart from the rest.
    const first = page.locator('li.source-card').first();
    expect(await first.getAttribute('data-source')).toBe('SIS');
    expect(await first.getAttribute('data-urgency')).toBe('act-now');
    expect(await sis.getByRole('alert').textContent()).toContain('Refuse entry');
    expect(await page.locator('li.source-card[data-source="INTERPOL_TDAWN"] .badge').textContent()).toBe(
      'Hit',
    );
    await accessible(page);
    await screenshot(page, 'tour-1-border-guard');
    await page.close();
  });

  it('2. the SIRENE bureau (sirene-jan) opens its verification queue and classifies the yellow link red', async () => {
    const page = await signIn(browser.context, context.url, 'sirene-jan');
    await page.getByRole('link', { name: 'Verification queue' }).first().click();
    const table = page.getByRole('table', { name: 'Yellow links, oldest first' });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: visaFile!.recordId });
    expect(await row.textContent()).toContain(sisFile!.recordId);
    await accessible(page);
    await row.getByRole('link', { name: /Open link/ }).click();
    await page.getByRole('heading', { name: 'Matching evidence' }).waitFor();
    const both = await page.locator('.side-by-side').textContent();
    expect(both).toContain('KOVALENKO');
    expect(both).toContain('MELNYK');
    await accessible(page);
    await page.getByRole('radio', { name: /Red/ }).check();
    await page
      .getByLabel('Justification')
      .fill('Same face under two identities: the visa was sought under a false one.');
    await page.getByRole('button', { name: 'Save classification' }).click();
    await page.getByText(/Classified red/).waitFor();
    await screenshot(page, 'tour-2-verifier');
    await page.close();
  });

  it('2b. back as the border guard, the same search: her CIR file now carries the red MID link (Art 26(2))', async () => {
    const page = await signIn(browser.context, context.url, 'bg-anna');
    await page.getByRole('link', { name: 'Search portal' }).first().click();
    await page.getByLabel('Surname(s)').fill('KOVALENKO');
    await page.getByLabel('First name(s)').fill('OLENA');
    await page.getByLabel('Date of birth').fill('1990-04-12');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    const cir = page.locator('li.source-card[data-source="CIR"]');
    expect(await cir.locator('.badge').textContent()).toBe('Hit');
    expect(await cir.textContent()).toContain('KOVALENKO');
    await cir.locator('.chip.colour-red').first().waitFor();
    await accessible(page);
    await screenshot(page, 'tour-2b-red-link');
    await page.close();
  });

  it('3. a designated authority (ct-sofia) consults MELNYK IRYNA; a second user (cap-paolo) approves the access', async () => {
    const requester = await signIn(browser.context, context.url, 'ct-sofia');
    await requester.getByRole('link', { name: 'Consultations' }).first().click();
    await requester.getByLabel('Case reference').fill('IT-DCSA/TOUR-1');
    await requester.getByLabel('Justification').fill('Suspected use of a false identity to obtain a visa.');
    await requester.getByLabel('Surname(s)').fill('MELNYK');
    await requester.getByLabel('First name(s)').fill('IRYNA');
    await requester.getByLabel('Date of birth').fill('1988-11-03');
    await requester.getByRole('button', { name: 'Consult (flags only)' }).click();
    await requester.getByRole('region', { name: /Flags for case/ }).waitFor();
    expect(await requester.locator('li[data-system="VIS"] .badge').textContent()).toBe('Hit');
    await accessible(requester);
    const vis = requester.locator('li[data-system="VIS"]');
    await vis
      .getByLabel('Justification for access to VIS')
      .fill('The visa file is needed to identify the person.');
    await vis.getByRole('button', { name: 'Request access' }).click();
    await vis.getByText('Access request sent').waitFor();

    const approver = await signIn(browser.context, context.url, 'cap-paolo');
    await approver.getByRole('link', { name: 'Approval queue' }).first().click();
    const item = approver.getByRole('listitem', { name: 'Access request for case IT-DCSA/TOUR-1' });
    await item.waitFor();
    await accessible(approver);
    await item.getByLabel('Reason for the decision').fill('Necessary and proportionate for the case.');
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.getByText(/Approved/).waitFor();
    await screenshot(approver, 'tour-3-approval');
    await requester.close();
    await approver.close();
  });

  it('4. the data protection officer (dpo-claire) reads the audit log: the search, the verification, the approval', async () => {
    const page = await signIn(browser.context, context.url, 'dpo-claire');
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    const table = page.getByRole('table', { name: 'Log entries' });
    await table.waitFor();
    for (const [user, action] of [
      ['bg-anna', 'espSearch'],
      ['sirene-jan', 'verifyLink'],
      ['cap-paolo', 'decideAccessRequest'],
    ] as const) {
      await page.getByLabel('User').fill(user);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await eventually(
        async () => {
          const texts = (await table.getByRole('row').allTextContents()).slice(1);
          return texts.length > 0 && texts.every((text) => text.includes(user)) ? texts : undefined;
        },
        15_000,
        `${user}'s entries`,
      ).then((texts) => expect(texts.join('\n')).toContain(action));
    }
    await page.getByRole('button', { name: 'Verify the log chains' }).click();
    await page.getByRole('status').filter({ hasText: 'Chain intact' }).waitFor();
    await accessible(page);
    await screenshot(page, 'tour-4-audit');
    await page.close();
  });

  it('the three searches npm start prints hit where it says', async () => {
    for (const search of FIRST_SEARCHES) {
      // The claims the web app's demo sign-in gives this user (local/demo-users.ts).
      const user = DEMO_USERS.find((candidate) => candidate.userId === search.userId)!;
      const { token } = await caller(context, user.roles, { ...user });
      const reply = await fetch(`${context.url}/v1/esp/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: search.query, purpose: search.purpose }),
      });
      const body = (await reply.json()) as { results: { source: string; status: string }[] };
      for (const system of Object.keys(search.hits)) {
        expect(
          body.results.find((result) => result.source === system)?.status,
          `${search.userId}: ${system}`,
        ).toBe('hit');
      }
    }
  });
});
