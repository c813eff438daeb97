import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { locateAppRoot } from '../knowledge/locateKnowledgeDir';

/**
 * The official Web Chat bundle, served by the app itself so that the page works offline and
 * behind networks that block CDNs. The file is not in the package's `exports`, so it is found
 * by path: in a deployment package under `assets/webchat/` (`npm run package` puts it there, with
 * its Brotli and gzip forms), or, run from source, in `node_modules/botframework-webchat/`.
 */
export interface WebChatBundle {
  version: string;
  /** The URL path the page loads it from; the version in it lets browsers cache it for a year. */
  path: string;
}

/**
 * Where a deployment package keeps the bundle, relative to the app root: outside `node_modules`,
 * which deployment tools leave out of a Node.js package by default.
 */
export const WEB_CHAT_ASSET_DIR = 'assets/webchat';
/** The files in that folder: the bundle, its precompressed forms and its version. */
export const WEB_CHAT_ASSET_FILES = {
  identity: 'webchat.js',
  br: 'webchat.js.br',
  gzip: 'webchat.js.gz',
  version: 'version.json',
} as const;

const VersionSchema = z.object({ version: z.string().regex(/^[0-9A-Za-z.+-]+$/) });
export type WebChatVersion = z.infer<typeof VersionSchema>;

type Encoding = 'identity' | 'br' | 'gzip';

/** The installed Web Chat package, where running from source finds it. */
export function webChatPackageDir(root: string): string {
  return join(root, 'node_modules', 'botframework-webchat');
}

function packagedDir(root: string): string | undefined {
  const dir = join(root, WEB_CHAT_ASSET_DIR);
  return existsSync(join(dir, WEB_CHAT_ASSET_FILES.version)) ? dir : undefined;
}

function readVersion(file: string): string {
  return VersionSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).version;
}

/**
 * The two forms `npm run package` stores and a source run makes on first request. Maximum
 * quality costs seconds at build time and nothing at run time; a source run uses a quicker level.
 */
export function compressWebChat(identity: Buffer, encoding: 'br' | 'gzip', level: 'build' | 'runtime'): Buffer {
  if (encoding === 'gzip') return gzipSync(identity, { level: 9 });
  const quality = level === 'build' ? constants.BROTLI_MAX_QUALITY : 9;
  return brotliCompressSync(identity, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
  });
}

/** The Web Chat version, read once; the page and the asset route agree on it. */
export function webChatBundle(root: string = locateAppRoot()): WebChatBundle {
  const packaged = packagedDir(root);
  const version = readVersion(
    packaged ? join(packaged, WEB_CHAT_ASSET_FILES.version) : join(webChatPackageDir(root), 'package.json'),
  );
  return { version, path: `/api/webchat/${version}/webchat.js` };
}

/**
 * Each encoding's bytes, read or made once per instance on first use. From a package, each is a
 * file read; from source, the compressed forms are made from the bundle (about 4 MB in, about 1 MB
 * out), far too slow to repeat per request.
 */
function encodedBundle(root: string): (encoding: Encoding) => Buffer {
  const cache = new Map<Encoding, Buffer>();
  const packaged = packagedDir(root);
  const make = (encoding: Encoding): Buffer => {
    if (packaged) return readFileSync(join(packaged, WEB_CHAT_ASSET_FILES[encoding]));
    if (encoding === 'identity') return readFileSync(join(webChatPackageDir(root), 'dist', 'webchat.js'));
    return compressWebChat(get('identity'), encoding, 'runtime');
  };
  const get = (encoding: Encoding): Buffer => {
    let bytes = cache.get(encoding);
    if (bytes === undefined) {
      bytes = make(encoding);
      cache.set(encoding, bytes);
    }
    return bytes;
  };
  return get;
}

/**
 * Serves the bundle, compressed (Brotli or gzip, whichever the browser takes), with a year-long
 * immutable cache.
 */
export function createWebChatAssetHandler(bundle: WebChatBundle, root: string = locateAppRoot()): HttpHandler {
  const encoded = encodedBundle(root);
  const etag = `"webchat-${bundle.version}"`;

  return (request): Promise<HttpResponseInit> => {
    if (request.params.version !== bundle.version) {
      return Promise.resolve({ status: 404, jsonBody: { error: `This app serves Web Chat ${bundle.version}.` } });
    }
    const accepted = request.headers.get('accept-encoding') ?? '';
    const headers: Record<string, string> = {
      'content-type': 'application/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      etag,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    };
    if (request.headers.get('if-none-match') === etag) return Promise.resolve({ status: 304, headers });
    if (/\bbr\b/.test(accepted)) return Promise.resolve({ status: 200, headers: { ...headers, 'content-encoding': 'br' }, body: encoded('br') });
    if (/\bgzip\b/.test(accepted)) return Promise.resolve({ status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: encoded('gzip') });
    return Promise.resolve({ status: 200, headers, body: encoded('identity') });
  };
}
