import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:https';
import type { EspQuery } from './domain/query';
import type { SearchSource, SourceHit } from './domain/search-source';
import { MalformedUmfReply, parseUmfSearchReply, umfSearchRequest } from './domain/umf';
import type { CentralSystem } from './source-store';

/** The platform's client certificate for the central systems, and the CA their servers' certificates chain to. */
export interface TlsMaterial {
  certificate: string;
  privateKey: string;
  ca: string;
}

export interface UmfHttpsSourceOptions {
  system: CentralSystem;
  /** The system's UMF search endpoint (https). */
  endpoint: string;
  /** Gives up on the system after this long, even if the portal's budget is longer. */
  timeoutMs: number;
  /** Read once per container (Secrets Manager at cold start); a search waits for it. */
  tls: Promise<TlsMaterial>;
  /** Replies larger than this are refused. @default 5 MiB */
  maxReplyBytes?: number;
}

/**
 * A central system reached over HTTPS with mutual TLS, speaking UMF (domain/umf.ts): one POST of
 * a UMF search request per query, the reply checked and mapped into the system's record shape.
 * Any failure (TLS refused, timeout, HTTP error, malformed reply) rejects the search of this one
 * source, which the portal reports `unavailable` or `timed_out` while the others answer. It sends
 * no requester identity and writes nothing, so no record owner learns of a query.
 */
export class UmfHttpsSource implements SearchSource {
  readonly name: CentralSystem;
  readonly revealsQueryToRecordOwner = false;
  private agent?: Promise<Agent>;

  constructor(private readonly options: UmfHttpsSourceOptions) {
    this.name = options.system;
  }

  async search(query: EspQuery, signal: AbortSignal): Promise<SourceHit[]> {
    const agent = await this.tlsAgent();
    const messageId = randomUUID();
    const body = await this.post(
      JSON.stringify(umfSearchRequest(this.name, query, messageId)),
      agent,
      AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs)]),
    );
    let reply: unknown;
    try {
      reply = JSON.parse(body);
    } catch {
      throw new MalformedUmfReply(`${this.name}: the reply is not JSON`);
    }
    return parseUmfSearchReply(this.name, messageId, reply);
  }

  /** One keep-alive agent per source, holding the client certificate; a failed secret read is retried. */
  private tlsAgent(): Promise<Agent> {
    this.agent ??= this.options.tls.then(
      ({ certificate, privateKey, ca }) =>
        new Agent({ keepAlive: true, cert: certificate, key: privateKey, ca, minVersion: 'TLSv1.2' }),
    );
    this.agent.catch(() => {
      this.agent = undefined;
    });
    return this.agent;
  }

  private post(body: string, agent: Agent, signal: AbortSignal): Promise<string> {
    const maxBytes = this.options.maxReplyBytes ?? 5 * 1024 * 1024;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        this.options.endpoint,
        {
          method: 'POST',
          agent,
          signal,
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          if (response.statusCode !== 200) {
            response.resume();
            reject(new Error(`${this.name}: HTTP ${response.statusCode}`));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              outgoing.destroy(new MalformedUmfReply(`${this.name}: reply over ${maxBytes} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}
