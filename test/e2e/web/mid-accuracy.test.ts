import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBiometricGenerator } from '../../../local/synthetic/biometrics';
import { caller, eventually, platformContext } from '../../support/platform-context';
import { openBrowser, SCREENSHOTS, screenshot, signIn } from './browser';

const context = platformContext();
// A Member State neither the demo seed nor another e2e test acts for: these figures are this file's only.
const MS = 'CY';
const PAIRS = 7;
// The generator and persons whose two captures the integration tests see matched.
const generator = createBiometricGenerator(0x3d1d);
const tag = Date.now().toString(36);
/** The yellow links the pairs made: one per pair. */
let linked = 0;
/** A count as the API shows it: 1 to 4 suppressed. */
const shown = (count: number) => (count > 0 && count < 5 ? null : count);

const identity = (surname: string, firstName: string, dateOfBirth: string) => ({
  surnames: [surname],
  firstNames: [firstName],
  dateOfBirth,
  nationalities: ['SYR'],
});

async function accuracyApi() {
  const user = await caller(context, ['statistics'], {
    authority: 'EU-LISA',
    memberState: 'EU',
    userId: 'e2e-acc',
  });
  const reply = await user.request('GET', `/v1/statistics/mid-accuracy?memberState=${MS}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

describe('web app: MID accuracy from verifiers decisions', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    // Seven pairs of files with the same biometrics and different identity data, in EES then VIS:
    // the VIS file's check makes each a yellow link routed to VIS:CY.
    const ees = await caller(context, ['origin-system'], {
      system: 'EES',
      authority: 'EES:CY',
      userId: 'e2e-acc-ees',
    });
    const vis = await caller(context, ['origin-system'], {
      system: 'VIS',
      authority: 'VIS:CY',
      userId: 'e2e-acc-vis',
    });
    for (let i = 0; i < PAIRS; i++) {
      const person = generator.person(920_860 + i);
      const put = async (
        who: typeof ees,
        system: string,
        session: number,
        id: ReturnType<typeof identity>,
      ) => {
        const reply = await who.request('PUT', `/v1/systems/${system}/records/e2e-acc-${tag}-${i}`, {
          identity: id,
          biometrics: generator.biometrics(person, { session, quality: 90, fingers: [1, 2] }),
          memberState: MS,
          version: 1,
        });
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        // Each check done before the next write (they queue behind the demo seed's: minutes on a
        // loaded machine), so that the VIS file's check makes the link, routed to VIS:CY.
        await eventually(
          async () => {
            const result = await who.request(
              'GET',
              `/v1/systems/${system}/records/e2e-acc-${tag}-${i}/mid-result?waitSeconds=20`,
            );
            return result.body.status === 'done' ? true : undefined;
          },
          360_000,
          `the MID check of ${system} e2e-acc-${tag}-${i}`,
        );
      };
      await put(ees, 'EES', 0, identity(`HADDAD${'ABCDEFG'[i]}`, 'SAMIR', `1980-01-1${i}`));
      await put(vis, 'VIS', 1, identity(`KHOURY${'ABCDEFG'[i]}`, 'LAYLA', `1975-06-2${i}`));
    }
    // The scripted verifications: five green (different persons), one white, one left waiting.
    const verifier = await caller(context, ['link-verifier'], {
      authority: `VIS:${MS}`,
      memberState: MS,
      userId: 'e2e-acc-verifier',
    });
    const queue = (await verifier.request('GET', '/v1/mid/links?limit=50')).body.items;
    linked = queue.length;
    expect(linked).toBe(PAIRS);
    for (const [i, link] of queue.slice(0, 6).entries()) {
      const reply = await verifier.request('POST', `/v1/mid/links/${link.linkId}/verification`, {
        colour: i < 5 ? 'green' : 'white',
        justification: 'compared with the documents at the counter',
        expectedVersion: link.version,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }
    browser = await openBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('GET /v1/statistics/mid-accuracy shows the counts the verifications imply, with suppression', async () => {
    const report = await accuracyApi();
    expect(report.byReason).toEqual([
      expect.objectContaining({
        reason: 'biometrics-same-identity-different',
        created: linked,
        verified: 6,
        waiting: shown(linked - 6), // one: suppressed
        rectified: 0,
        sameShare: 0.167,
        differentShare: 0.833,
        medianTimeToVerification: expect.objectContaining({ bucket: 'lt10m' }),
      }),
    ]);
    expect(report.total).toMatchObject({
      created: PAIRS,
      verified: 6,
      checks: 2 * PAIRS,
      yellowCreated: PAIRS,
    });
    const arabic = report.byRegion.find((row: { region: string }) => row.region === 'arabicScript');
    expect(arabic).toMatchObject({
      created: linked,
      checks: 2 * PAIRS,
      yellowPer1000Checks: Math.round((linked / (2 * PAIRS)) * 1_000_000) / 1000,
    });
  });

  it('the screen charts and tabulates the same figures', async () => {
    const page = await signIn(browser.context, context.url, 'stats-eulisa');
    await page.getByRole('link', { name: 'MID accuracy' }).first().click();
    await page.getByRole('status').filter({ hasText: 'links created' }).waitFor();
    await page.getByLabel('Member State').fill(MS);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Member State ${MS}` })
      .waitFor();
    const waiting = shown(linked - 6);
    expect(await page.getByRole('status').textContent()).toContain(
      `links created ${linked}, verified 6, waiting ${waiting === null ? '<5' : waiting}`,
    );
    // Each chart is an SVG whose text alternative names every bar and its value.
    await page
      .getByRole('img', {
        name: `Links created per rule. yellow: biometrics only: ${linked}`,
        exact: true,
      })
      .waitFor();
    await page.getByRole('img', { name: /^False alarms per rule\. .*: 83\.3 %$/ }).waitFor();
    await page
      .getByRole('img', { name: /^Yellow links per 1,000 checks by naming region\. Arabic script: \d/ })
      .waitFor();

    const table = page.getByRole('table', { name: 'MID accuracy per rule' });
    const cells = await table.locator('tbody tr').first().locator('th, td').allInnerTexts();
    expect(cells).toEqual([
      'yellow: same biometrics, different identity (Art 28(4), Art 30)',
      String(linked),
      '6',
      waiting === null ? '<5' : String(waiting),
      '0',
      '16.7 %',
      '83.3 %',
      'under 10 minutes',
    ]);
    await screenshot(page, 'mid-accuracy');
    copyFileSync(
      join(SCREENSHOTS, 'mid-accuracy.png'),
      join(process.cwd(), 'docs', 'screenshots', 'mid-accuracy.png'),
    );
    await page.close();
  });
});
