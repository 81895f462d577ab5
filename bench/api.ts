import { numberArg, type Options, progress } from '../local/cli';
import { generatePeople } from '../local/synthetic/people';
import { withBenchPlatform } from './bench-platform';
import { cdf, PLOT_OPTION, writePlot } from './plot';

export const summary = "Mixed load on the local platform's API: ESP searches and ingestion over HTTP.";

export const options: Options = {
  seconds: { type: 'string', value: 'N', description: 'duration of the load', default: '30' },
  connections: { type: 'string', value: 'N', description: 'concurrent connections', default: '32' },
  plot: PLOT_OPTION,
};

/**
 * `npm run bench -- api --seconds 30 --connections 32`: a local platform (in memory, workers on)
 * under a mixed load: half ESP searches (identity data of loaded people), half record ingestions
 * (new EES/VIS records, each enqueuing a MID check). Prints {requests, requestsPerSecond, p50Ms, p99Ms, errors}.
 */
export async function run(args: Record<string, string>) {
  const seconds = numberArg(args, 'seconds', 30);
  const connections = numberArg(args, 'connections', 32);
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  return withBenchPlatform({}, async (platform) => {
    const people = generatePeople({ people: 4000, seed: 39 }).filter(
      (r) =>
        r.surname &&
        r.givenNames &&
        /^\d{4}-\d{2}-\d{2}$/.test(r.dateOfBirth) &&
        !r.dateOfBirth.includes('-00'),
    );
    const sign = (roles: string[], extra: Record<string, string>) =>
      platform.tokens.sign({
        userId: `bench-${roles[0]}`,
        authority: extra.authority ?? 'BENCH',
        memberState: 'DE',
        roles: roles as never,
        ...extra,
      });
    const tokens = {
      EES: await sign(['origin-system'], { system: 'EES', authority: 'EES:DE' }),
      VIS: await sign(['origin-system'], { system: 'VIS', authority: 'VIS:DE' }),
      esp: await sign(['border-guard'], { profile: 'border-guard', authority: 'DE-BPOL' }),
    };
    const body = (r: (typeof people)[number], version: number) => ({
      identity: {
        surnames: [r.surname],
        firstNames: r.givenNames.split(' ').filter(Boolean),
        dateOfBirth: r.dateOfBirth,
        ...(r.sex === 'M' || r.sex === 'F' ? { sex: r.sex } : {}),
        nationalities: r.nationality.split(';').filter(Boolean),
      },
      memberState: 'DE',
      version,
    });
    const call = async (method: string, path: string, token: string, payload: unknown) => {
      const response = await fetch(`${platform.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      await response.text();
      return response.status;
    };
    let next = 0;
    const latencies: number[] = [];
    const byKind = { ingestion: [] as number[], search: [] as number[] };
    let errors = 0;
    const deadline = Date.now() + seconds * 1000;
    progress(`api: ${seconds} s, ${connections} connections, ${people.length} people`);
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < deadline) {
          const i = next++;
          const person = people[i % people.length]!;
          const started = performance.now();
          let status: number;
          try {
            if (i % 2 === 0) {
              const system = i % 4 === 0 ? 'EES' : 'VIS';
              status = await call(
                'PUT',
                `/v1/systems/${system}/records/bench-${i}`,
                tokens[system],
                body(person, 1),
              );
            } else {
              status = await call('POST', '/v1/esp/search', tokens.esp, {
                query: {
                  identity: {
                    surnames: [person.surname],
                    firstNames: person.givenNames.split(' ').slice(0, 1),
                    dateOfBirth: person.dateOfBirth,
                  },
                },
                purpose: 'first-line-check',
              });
            }
          } catch {
            status = 0;
          }
          latencies.push(performance.now() - started);
          byKind[i % 2 === 0 ? 'ingestion' : 'search'].push(performance.now() - started);
          if (status === 0 || status >= 400) errors++;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    writePlot(args, {
      title: `API latency, mixed load (${seconds} s, ${connections} connections)`,
      xLabel: 'latency (ms)',
      yLabel: 'share of requests at or below',
      logX: true,
      series: [
        { name: 'all requests', points: cdf(latencies) },
        { name: 'PUT record', points: cdf(byKind.ingestion.sort((a, b) => a - b)) },
        { name: 'ESP search', points: cdf(byKind.search.sort((a, b) => a - b)) },
      ],
    });
    const pick = (q: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
    return {
      requests: latencies.length,
      requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
      p50Ms: pick(0.5),
      p99Ms: pick(0.99),
      errors,
    };
  });
}
