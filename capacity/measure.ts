import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { run as runEspBench } from '../bench/esp';
import { progress } from '../local/cli';
import { SCAN_LADDER } from './code-scan';
import { measureShards } from './measure-sbms';
import {
  CAPACITY_DIR,
  MEASURED_DIR,
  type MeasuredFile,
  type MidMeasurement,
  machine,
  writeVersioned,
} from './measured-file';
import { sampleMemory } from './memory';

export const SHARD_SIZES = [12_500, 25_000, 50_000, 100_000, 200_000];
export const MEASURE_OPTIONS = { probes: 400, midRecords: 400, espRequests: 200, espSystems: 9 };

type MemorySample = ReturnType<ReturnType<typeof sampleMemory>['stop']>;

/** `npm run capacity -- measure`: the unit figures, written to capacity/measured/<date>-<host>.json. */
export async function measure(): Promise<{ file: string; measured: MeasuredFile }> {
  const started = Date.now();
  const baselineRssBytes = process.memoryUsage().rss;
  const processMemory: Record<string, MemorySample> = {};

  const mid = await midInChildProcess(MEASURE_OPTIONS.midRecords);
  processMemory.mid = mid.memory;

  let sampler = sampleMemory();
  progress(`esp: ${MEASURE_OPTIONS.espRequests} requests over ${MEASURE_OPTIONS.espSystems} systems`);
  const esp = (await runEspBench({
    requests: String(MEASURE_OPTIONS.espRequests),
    systems: String(MEASURE_OPTIONS.espSystems),
  })) as MeasuredFile['esp'];
  processMemory.esp = sampler.stop();

  sampler = sampleMemory();
  const sbms = await measureShards(SHARD_SIZES, SCAN_LADDER, MEASURE_OPTIONS.probes);
  processMemory.sbms = sampler.stop();

  const measured: MeasuredFile = {
    version: 2,
    date: new Date().toISOString(),
    command: 'npm run capacity -- measure',
    machine: machine(),
    sbms,
    mid: mid.measurement,
    esp: {
      systems: esp.systems,
      requests: esp.requests,
      p95Ms: esp.p95Ms,
      slowestSourceP95Ms: esp.slowestSourceP95Ms,
      overheadRatio: esp.overheadRatio,
    },
    processMemory,
    baselineRssBytes,
  };
  const file = writeVersioned(MEASURED_DIR, measured);
  progress(`measure: ${((Date.now() - started) / 1000).toFixed(0)} s, written to ${file}`);
  return { file, measured };
}

/** bench mid in a child process (`capacity/main.ts mid-run`): one platform per process. */
export function midInChildProcess(
  records: number,
  consumers = 1,
): Promise<{ measurement: MidMeasurement; memory: MemorySample }> {
  progress(`mid: bench mid with ${records} records, ${consumers} consumer(s), in a child process`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(CAPACITY_DIR, 'main.ts'),
        'mid-run',
        '--records',
        String(records),
        '--consumers',
        String(consumers),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1);
      try {
        if (code !== 0 || !last) throw new Error(`mid-run exited with ${code}`);
        resolve(JSON.parse(last));
      } catch (error) {
        reject(error);
      }
    });
  });
}
