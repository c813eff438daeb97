import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { constants, Script } from 'node:vm';

/**
 * Loading a CommonJS file through V8's code cache. Most of a cold start is V8 parsing and
 * compiling the app's 4 MB of bundled JavaScript; a code cache made at build time, after a
 * warm-up conversation, holds the compiled functions, so a new instance skips that work.
 *
 * Node 20 has no API for a cache made ahead of time (Node 22's `module.enableCompileCache`
 * writes one at run time, keyed by path), so the package loads its app with `vm.Script` and
 * `cachedData`, as Node's own loader would load it without. V8 checks the cache against its
 * version, its flags and the source, and rejects one that does not fit: the file is then
 * compiled as usual, only slower.
 * So make it with the Node major Azure runs (`AZURE_NODE_MAJOR`, 22); any other only costs the compile.
 */

export interface CodeCacheLoad {
  /** The file's `module.exports`. */
  exports: unknown;
  /** Whether a cache was found; V8 rejected it when `rejected`. */
  cacheFound: boolean;
  rejected: boolean;
  /** The code cache of the file as it is now: every function compiled so far. */
  createCache: () => Buffer;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Runs `codeFile` as a CommonJS module with the code cache in `cacheFile`, if there is one.
 * The module's `require` resolves from its own folder, and goes through `Module.prototype.require`,
 * where the Functions worker provides `@azure/functions-core`.
 */
export function loadWithCodeCache(codeFile: string, cacheFile: string): CodeCacheLoad {
  const bytes = readFileSync(codeFile);
  // An ASCII file read as latin1 is the same text, made straight into a one-byte string; decoding
  // 4 MB as UTF-8 took 13 ms more. The package's app is ASCII (bundle.ts makes sure of it).
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cachedData = readIfPresent(cacheFile);
  // The same wrapper Node's CommonJS loader puts around a file.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const script = new Script(wrapped, {
    filename: codeFile,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  const module = new Module(codeFile);
  module.filename = codeFile;
  compiled.call(module.exports, module.exports, createRequire(codeFile), module, codeFile, dirname(codeFile));
  module.loaded = true;
  return {
    exports: module.exports,
    cacheFound: cachedData !== undefined,
    rejected: cachedData !== undefined && script.cachedDataRejected === true,
    createCache: () => script.createCachedData(),
  };
}

/** Where the bundled app and its code cache sit in the package, beside the shared file that loads them. */
export const APP_FILE_NAME = 'app.js';
export const CODE_CACHE_FILE_NAME = 'app.js.cache';
/** The shared file's extra export, which `npm run package` calls after its warm-up conversation. */
export const CREATE_CODE_CACHE = 'createCodeCache';
