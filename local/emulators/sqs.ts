import { startFauxqs } from 'fauxqs';

export interface RunningSqs {
  endpoint: string;
  stop(): Promise<void>;
}

/** The SQS emulator (fauxqs), kept off port 4566 so that it never collides with LocalStack. */
export async function startSqsEmulator(options: { port: number }): Promise<RunningSqs> {
  const server = await startFauxqs({ port: options.port, logger: false });
  return { endpoint: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}
