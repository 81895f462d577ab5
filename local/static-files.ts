import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { contentSecurityPolicy } from '../web/security-headers';
import type { StaticHandler } from './api-server';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Serves the built web application (web/dist) the way S3 + CloudFront would, index.html for app routes. */
export function serveWebApp(root = join(process.cwd(), 'web', 'dist')): StaticHandler {
  return (request, response) => {
    if (!existsSync(root)) return false;
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const candidate = normalize(join(root, pathname));
    if (!candidate.startsWith(root)) return false;
    // The public portal is a separate app with its own index.html (as in lib/constructs/web-hosting.ts).
    const index =
      pathname === '/portal' || pathname.startsWith('/portal/')
        ? join(root, 'portal', 'index.html')
        : join(root, 'index.html');
    const file = existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
    if (!existsSync(file)) return false;
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy(),
      'x-content-type-options': 'nosniff',
    });
    response.end(readFileSync(file));
    return true;
  };
}
