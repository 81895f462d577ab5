// @peculiar/x509 resolves its ASN.1 types through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import * as x509 from '@peculiar/x509';
import type { TlsMaterial } from '../../functions/esp/umf-https-source';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

interface Issued {
  certificate: string;
  privateKey: string;
}

async function pem(keys: webcrypto.CryptoKeyPair, certificate: x509.X509Certificate): Promise<Issued> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    certificate: certificate.toString('pem'),
    privateKey: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
  };
}

const validity = () => ({
  notBefore: new Date(Date.now() - 60_000),
  notAfter: new Date(Date.now() + 86_400_000),
});

/** A certificate authority made for one test run, issuing server and client certificates. */
async function testAuthority(name: string) {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${name}`,
    keys,
    signingAlgorithm: ALGORITHM,
    ...validity(),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  let serial = 1;
  const issue = async (subject: string, usage: 'server' | 'client') => {
    const subjectKeys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: `0${++serial}`,
      subject: `CN=${subject}`,
      issuer: root.subject,
      publicKey: subjectKeys.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: ALGORITHM,
      ...validity(),
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension(
          [usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth],
          false,
        ),
        ...(usage === 'server'
          ? [
              new x509.SubjectAlternativeNameExtension([
                { type: 'dns', value: 'localhost' },
                { type: 'ip', value: '127.0.0.1' },
              ]),
            ]
          : []),
      ],
    });
    return pem(subjectKeys, certificate);
  };
  return { certificate: root.toString('pem'), issue };
}

/**
 * The certificates of a mutual-TLS test: one CA issuing the central system's server certificate
 * and the platform's client certificate, and a second CA, unknown to the central system, issuing
 * a client certificate it must refuse.
 */
export async function testPki() {
  const authority = await testAuthority('Central systems test CA');
  const rogue = await testAuthority('Unknown CA');
  const server = await authority.issue('localhost', 'server');
  const client = await authority.issue('eu-interop-esp', 'client');
  const rogueClient = await rogue.issue('eu-interop-esp', 'client');
  const ca = authority.certificate;
  return {
    ca,
    server,
    client: { ...client, ca } satisfies TlsMaterial,
    rogueClient: { ...rogueClient, ca } satisfies TlsMaterial,
  };
}

export type Pki = Awaited<ReturnType<typeof testPki>>;

/** What the fake answers to one UMF request body: status and body, after an optional delay. */
export type FakeBehaviour = (request: {
  path: string;
  body: unknown;
}) => Promise<{ status: number; body: string }>;

/**
 * A central system's UMF endpoint over HTTPS that admits only clients with a certificate of the
 * test CA (requestCert + rejectUnauthorized, as a real central system is configured).
 */
export async function startFakeCentralSystem(pki: Pki, behaviour: FakeBehaviour) {
  const received: { path: string; clientSubject: string; body: unknown }[] = [];
  const server: Server = createServer(
    {
      key: pki.server.privateKey,
      cert: pki.server.certificate,
      ca: pki.ca,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        const peer = (request.socket as import('node:tls').TLSSocket).getPeerCertificate();
        received.push({ path: request.url ?? '', clientSubject: String(peer.subject?.CN ?? ''), body });
        const reply = await behaviour({ path: request.url ?? '', body });
        if (response.destroyed) return;
        response.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `https://localhost:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
