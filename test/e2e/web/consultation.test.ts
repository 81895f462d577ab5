import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformContext } from '../../support/platform-context';
import { openBrowser, screenshot, signIn } from './browser';
import { originSystem, uniqueSurname } from './fixtures';

const context = platformContext();
const surname = uniqueSurname('CONSULT');
const caseReference = `IT-DCSA/2026/${surname.slice(-6)}`;

describe('web app: consultation and four-eyes approval', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    const vis = await originSystem(context, 'VIS');
    const put = await vis.request('PUT', `/v1/systems/VIS/records/e2e-web-consult-${surname.toLowerCase()}`, {
      identity: {
        surnames: [surname],
        firstNames: ['TAREK'],
        dateOfBirth: '1979-09-09',
        nationalities: ['SYR'],
        sex: 'M',
      },
      version: 1,
      memberState: 'FR',
    });
    expect(put.status).toBe(201);
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('step 1 flags, an access request, approval by a second user, then the granted data with its expiry', async () => {
    const requester = await signIn(browser.context, context.url, 'ct-sofia');
    await requester.getByRole('link', { name: 'Consultations' }).first().click();
    await requester.getByLabel('Case reference').fill(caseReference);
    await requester
      .getByLabel('Justification')
      .fill('Suspected member of a criminal organisation under investigation.');
    await requester.getByLabel('Surname(s)').fill(surname);
    await requester.getByLabel('First name(s)').fill('TAREK');
    await requester.getByLabel('Date of birth').fill('1979-09-09');
    await requester.getByRole('button', { name: 'Consult (flags only)' }).click();
    const flags = requester.getByRole('region', { name: /Flags for case/ });
    await flags.waitFor();
    expect(await requester.locator('li[data-system="VIS"] .badge').textContent()).toBe('Hit');
    expect(await flags.textContent()).not.toContain(surname);
    await screenshot(requester, 'consultation-flags');

    const visCard = requester.locator('li[data-system="VIS"]');
    await visCard
      .getByLabel('Justification for access to VIS')
      .fill('The VIS file is needed to identify the suspect.');
    await visCard.getByRole('button', { name: 'Request access' }).click();
    await visCard.getByText('Access request sent').waitFor();

    // The requester cannot approve (not a verifying authority); a second user of the same Member State does.
    const verifier = await signIn(browser.context, context.url, 'cap-paolo');
    await verifier.getByRole('link', { name: 'Approval queue' }).first().click();
    const item = verifier.getByRole('listitem', { name: `Access request for case ${caseReference}` });
    await item.waitFor();
    expect(await item.textContent()).toContain('ct-sofia');
    await item.getByLabel('Reason for the decision').fill('Necessary and proportionate for the case.');
    await screenshot(verifier, 'approval-queue');
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.getByText(/Approved/).waitFor();
    await screenshot(verifier, 'approval-decided');

    await requester.bringToFront();
    const mine = requester
      .getByRole('region', { name: 'Your access requests' })
      .getByRole('listitem')
      .first();
    await mine.getByRole('button', { name: 'Refresh status' }).click();
    await mine.getByText(/Access valid until/).waitFor();
    await mine.getByRole('button', { name: 'Open granted data' }).click();
    await mine.getByText(/Granted data from VIS/).waitFor();
    expect(await mine.textContent()).toContain(surname);
    await screenshot(requester, 'consultation-granted-data');
    await requester.close();
    await verifier.close();
  });
});
