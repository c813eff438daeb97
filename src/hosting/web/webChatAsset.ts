import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { locateAppRoot } from '../../knowledge/locateKnowledgeDir';

/**
 * The official Web Chat bundle, served by the app itself so that the page works offline and
 * behind networks that block CDNs. The file is not in the package's `exports`, so it is found
 * by path: in `node_modules` in a normal install, or next to the app in a bundled deployment.
 */
export interface WebChatBundle {
  version: string;
  /** The URL path the page loads it from; the version in it lets browsers cache it for a year. */
  path: string;
}

const PackageSchema = z.object({ version: z.string().regex(/^[0-9A-Za-z.+-]+$/) });

function packageDir(root: string): string {
  return join(root, 'node_modules', 'botframework-webchat');
}

/** The installed Web Chat version, read once; the page and the asset route agree on it. */
export function webChatBundle(root: string = locateAppRoot()): WebChatBundle {
  const { version } = PackageSchema.parse(JSON.parse(readFileSync(join(packageDir(root), 'package.json'), 'utf8')));
  return { version, path: `/api/webchat/${version}/webchat.js` };
}

interface Encoded {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

/**
 * Serves the bundle, compressed (Brotli or gzip, whichever the browser takes), with a year-long
 * immutable cache. It is read and compressed once per instance, on first request: about 4 MB in,
 * about 1 MB out, far too slow to repeat per request.
 */
export function createWebChatAssetHandler(bundle: WebChatBundle, root: string = locateAppRoot()): HttpHandler {
  let encoded: Encoded | undefined;
  const load = (): Encoded => {
    if (encoded) return encoded;
    const identity = readFileSync(join(packageDir(root), 'dist', 'webchat.js'));
    encoded = {
      identity,
      gzip: gzipSync(identity, { level: 9 }),
      br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
      etag: `"webchat-${bundle.version}"`,
    };
    return encoded;
  };

  return (request): Promise<HttpResponseInit> => {
    if (request.params.version !== bundle.version) {
      return Promise.resolve({ status: 404, jsonBody: { error: `This app serves Web Chat ${bundle.version}.` } });
    }
    const files = load();
    const accepted = request.headers.get('accept-encoding') ?? '';
    const headers: Record<string, string> = {
      'content-type': 'application/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: files.etag,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    };
    if (request.headers.get('if-none-match') === files.etag) return Promise.resolve({ status: 304, headers });
    if (/\bbr\b/.test(accepted)) return Promise.resolve({ status: 200, headers: { ...headers, 'content-encoding': 'br' }, body: files.br });
    if (/\bgzip\b/.test(accepted)) return Promise.resolve({ status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: files.gzip });
    return Promise.resolve({ status: 200, headers, body: files.identity });
  };
}
