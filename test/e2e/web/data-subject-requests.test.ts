import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformContext } from '../../support/platform-context';
import { openBrowser, screenshot, signIn } from './browser';

const context = platformContext();

describe("web app: the rights officer's queue", () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a request lodged through the public route, with its deadline 45 days after receipt', async () => {
    const response = await fetch(`${context.url}/v1/data-subject-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'rectification',
        language: 'de',
        lodgedWith: 'DE',
        subject: { surname: 'QUEUE-TEST', givenNames: 'ALINA', dateOfBirth: '1991-03-14' },
        details: 'My date of birth is recorded wrongly.',
        contact: { email: 'alina@example.org' },
      }),
    });
    expect(response.status).toBe(202);
    const { reference } = (await response.json()) as { reference: string };

    const page = await signIn(browser.context, context.url, 'rights-lena');
    await page.getByRole('link', { name: 'Data-subject requests' }).first().click();
    const table = page.getByRole('table', { name: /Open data-subject requests/ });
    const row = table.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[1]).toBe('rectification');
    expect(cells[2]).toBe('identity-verification-pending');
    expect(cells[5]).toMatch(/^4[45]$/);
    await screenshot(page, 'data-subject-requests');
    await page.close();
  });
});
