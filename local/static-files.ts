import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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

/**
 * Serves the built web application (web/dist) the way S3 + CloudFront would: its files, and
 * index.html for app routes (a path without an extension). Only the types above are served, so a
 * source map or any other file left in the folder is not.
 */
export function serveWebApp(root = join(process.cwd(), 'web', 'dist')): StaticHandler {
  const base = resolve(root);
  return (request, response) => {
    if (!existsSync(base)) return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false;
    }
    const file = fileFor(base, pathname);
    if (!file) return false;
    response.writeHead(200, {
      'content-type': TYPES[extname(file)]!,
      'content-security-policy': contentSecurityPolicy(),
      'x-content-type-options': 'nosniff',
    });
    response.end(readFileSync(file));
    return true;
  };
}

function fileFor(base: string, pathname: string): string | undefined {
  if (pathname.includes('\0')) return undefined;
  const candidate = resolve(base, `.${pathname}`);
  // Inside the root by path segments: a sibling folder whose name merely starts like the root's is outside.
  const inside = relative(base, candidate);
  if (inside.split(sep).includes('..') || isAbsolute(inside)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile())
    return TYPES[extname(candidate)] ? candidate : undefined;
  if (extname(pathname)) return undefined;
  // The public portal is a separate app with its own index.html (as in lib/constructs/web-hosting.ts).
  const portal = pathname === '/portal' || pathname.startsWith('/portal/');
  const index = join(base, ...(portal ? ['portal', 'index.html'] : ['index.html']));
  return existsSync(index) ? index : undefined;
}
