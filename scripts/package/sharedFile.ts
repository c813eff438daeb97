import { join } from 'node:path';
import { APP_FILE_NAME, CODE_CACHE_FILE_NAME, CREATE_CODE_CACHE, loadWithCodeCache } from './codeCache';

/**
 * The package's lib/cloudbot.js, which every function file requires: it loads the bundled app
 * beside it through the code cache that `npm run package` made (codeCache.ts) and passes on its
 * exports.
 */

const loaded = loadWithCodeCache(join(__dirname, APP_FILE_NAME), join(__dirname, CODE_CACHE_FILE_NAME));
if (loaded.rejected) {
  // Not an error: the app runs, it only starts slower. The cache fits one Node version.
  process.emitWarning(`V8 rejected ${CODE_CACHE_FILE_NAME} (made by another Node.js version?); compiling the app instead.`, {
    code: 'CLOUDBOT_CODE_CACHE_REJECTED',
  });
}
module.exports = loaded.exports;
Object.defineProperty(module.exports, CREATE_CODE_CACHE, { value: loaded.createCache, enumerable: false });
