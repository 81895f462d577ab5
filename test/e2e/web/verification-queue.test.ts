import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { openBrowser, screenshot, signIn } from './browser';
import { captures, originSystem, uniqueSurname } from './fixtures';

const context = platformContext();
const run = uniqueSurname('').toLowerCase();
const visId = `e2e-web-yellow-vis-${run}`;
const eesId = `e2e-web-yellow-ees-${run}`;
const PERSON = 990_017;

describe('web app: verification queue', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let linkId: string;
  let verifierUser: string;
  let verifierAuthority: { authority: string; memberState: string };

  beforeAll(async () => {
    // Same biometrics, different identity data, in two systems: the MID makes a yellow link, routed to the
    // authority of the system whose record triggered the check (EES, Member State DE).
    const vis = await originSystem(context, 'VIS');
    const ees = await originSystem(context, 'EES');
    const visPut = await vis.request('PUT', `/v1/systems/VIS/records/${visId}`, {
      identity: {
        surnames: ['ABERNATHY'],
        firstNames: ['KWAME'],
        dateOfBirth: '1971-06-02',
        nationalities: ['GHA'],
        sex: 'M',
      },
      biometrics: captures(PERSON, 1),
      version: 1,
      memberState: 'FR',
    });
    expect(visPut.status).toBe(201);
    const eesPut = await ees.request('PUT', `/v1/systems/EES/records/${eesId}`, {
      identity: {
        surnames: ['VOLKONSKAYA'],
        firstNames: ['IRINA'],
        dateOfBirth: '1990-12-24',
        nationalities: ['UKR'],
        sex: 'F',
      },
      biometrics: captures(PERSON, 2),
      version: 1,
      memberState: 'DE',
    });
    expect(eesPut.status).toBe(201);
    // The link goes to the authority of whichever record's check found the pair (EES:DE or VIS:FR),
    // once the MID consumer has worked through the demo seed's backlog.
    const queues = {
      'verifier-ees-de': await caller(context, ['link-verifier'], { authority: 'EES:DE', memberState: 'DE' }),
      'verifier-vis-fr': await caller(context, ['link-verifier'], { authority: 'VIS:FR', memberState: 'FR' }),
    };
    [verifierUser, linkId] = await eventually(
      async () => {
        for (const [user, verifier] of Object.entries(queues)) {
          const queue = await verifier.request('GET', '/v1/mid/links?colour=yellow&limit=100');
          const item = queue.body?.items?.find((i: { records: { recordId: string }[] }) =>
            i.records.some((r) => r.recordId === eesId),
          );
          if (item) return [user, item.linkId as string] as const;
        }
        return undefined;
      },
      360_000,
      'the yellow link in a verifier queue',
    );
    verifierAuthority =
      verifierUser === 'verifier-ees-de'
        ? { authority: 'EES:DE', memberState: 'DE' }
        : { authority: 'VIS:FR', memberState: 'FR' };
    browser = await openBrowser();
  }, 420_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the yellow link with its age, oldest first', async () => {
    const page = await signIn(browser.context, context.url, verifierUser);
    await page.getByRole('link', { name: 'Verification queue' }).first().click();
    const table = page.getByRole('table', { name: 'Yellow links, oldest first' });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: eesId });
    expect(await row.textContent()).toContain(visId);
    expect(await row.locator('td').first().textContent()).toMatch(/\d+ (s|min|h|d)/);
    await screenshot(page, 'verification-queue');
    await screenshot(
      page,
      'verification-queue',
      join(process.cwd(), 'docs', 'screenshots', 'verification-queue.png'),
    );
    await page.close();
  });

  it('opens a link side by side, shows a stale version and a contradiction as such, then classifies it', async () => {
    const page = await signIn(browser.context, context.url, verifierUser);
    await page.goto(`${context.url}/links`);
    await page.getByRole('link', { name: `Open link ${linkId}` }).click();
    await page.getByRole('heading', { name: 'Matching evidence' }).waitFor();
    const left = page.getByRole('region', { name: /Left file/ });
    const right = page.getByRole('region', { name: /Right file/ });
    const both = `${await left.textContent()} ${await right.textContent()}`;
    expect(both).toContain('ABERNATHY');
    expect(both).toContain('VOLKONSKAYA');
    expect(await page.locator('.evidence').textContent()).toMatch(/Biometrics:\s*same/);

    // A justification is required: the API's error appears next to the field.
    await page.getByRole('radio', { name: /White/ }).check();
    await page.getByRole('button', { name: 'Save classification' }).click();
    await page
      .locator('.field', { has: page.getByLabel('Justification') })
      .locator('.field-error')
      .waitFor();

    // Another verifier of the same authority classifies it first: this page's version is now stale.
    const other = await caller(context, ['link-verifier'], {
      ...verifierAuthority,
      userId: 'e2e-other-verifier',
    });
    const current = await other.request('GET', `/v1/mid/links/${linkId}`);
    const red = await other.request('POST', `/v1/mid/links/${linkId}/verification`, {
      colour: 'red',
      justification: 'same face, two identities: fraud (e2e)',
      expectedVersion: current.body.version,
    });
    expect(red.status).toBe(200);
    await page.getByLabel('Justification').fill('Same person; the EES identity is a documented name change.');
    await page.getByRole('button', { name: 'Save classification' }).click();
    await page.getByRole('alert').filter({ hasText: 'Stale version' }).waitFor();
    await screenshot(page, 'verification-stale');

    await page.getByRole('button', { name: 'Reload the link' }).click();
    await page.locator('.chip.colour-red').first().waitFor();
    // Red again is contradictory (the colour would not change): refused and shown as such.
    await page.getByRole('radio', { name: /Red/ }).check();
    await page.getByLabel('Justification').fill('Confirming the fraud finding.');
    await page.getByRole('button', { name: 'Save classification' }).click();
    await page.getByRole('alert').filter({ hasText: 'Contradictory classification refused' }).waitFor();

    await page.getByRole('radio', { name: /Green/ }).check();
    await page.getByLabel('Justification').fill('Different persons: twins documented by both authorities.');
    await page.getByRole('button', { name: 'Save classification' }).click();
    await page.getByText(/Classified green/).waitFor();
    await page
      .locator('.history')
      .getByText(/Different persons: twins/)
      .waitFor();
    expect(await page.locator('.history li').count()).toBe(3);
    await screenshot(page, 'verification-classified');
    await page.close();
  });
});
