import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadWithCodeCache } from '../../scripts/package/codeCache';

/** A CommonJS file with enough in it to tell a loaded module from a broken one. */
const SOURCE = `
const path = require('node:path');
function greet(name) { return 'hello ' + name; }
module.exports = { greet, file: __filename, folder: path.basename(__dirname), self: module.id, sum: [1, 2, 3].reduce((a, b) => a + b, 0) };
`;

describe('loadWithCodeCache', () => {
  let dir = '';
  let codeFile = '';
  let cacheFile = '';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cloudbot-code-cache-'));
    codeFile = join(dir, 'app.js');
    cacheFile = join(dir, 'app.js.cache');
    writeFileSync(codeFile, SOURCE);
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function expectWorkingModule(exports: unknown): void {
    const loaded = exports as { greet: (name: string) => string; file: string; folder: string; sum: number };
    expect(loaded.greet('student')).toBe('hello student');
    expect(loaded.file).toBe(codeFile);
    expect(loaded.folder).toBe(basename(dir));
    expect(loaded.sum).toBe(6);
  }

  it('runs a file as CommonJS, with require, module, __filename and __dirname, when there is no cache', () => {
    const loaded = loadWithCodeCache(codeFile, cacheFile);
    expectWorkingModule(loaded.exports);
    expect(loaded.cacheFound).toBe(false);
    expect(loaded.rejected).toBe(false);
  });

  it('reads a file that is not ASCII as UTF-8', () => {
    writeFileSync(codeFile, `${SOURCE}\nmodule.exports.text = 'it’s naïve';\n`);
    expect((loadWithCodeCache(codeFile, cacheFile).exports as { text: string }).text).toBe('it’s naïve');
  });

  it('uses a cache it made itself: V8 accepts it', () => {
    const first = loadWithCodeCache(codeFile, cacheFile);
    (first.exports as { greet: (name: string) => string }).greet('warm-up');
    writeFileSync(cacheFile, first.createCache());
    const second = loadWithCodeCache(codeFile, cacheFile);
    expectWorkingModule(second.exports);
    expect(second.cacheFound).toBe(true);
    expect(second.rejected).toBe(false);
  });

  it('compiles the file anyway when V8 rejects the cache, and says it did', () => {
    writeFileSync(cacheFile, Buffer.alloc(1024, 1));
    const loaded = loadWithCodeCache(codeFile, cacheFile);
    expectWorkingModule(loaded.exports);
    expect(loaded.rejected).toBe(true);
  });

  it('rejects a cache made for another version of the file', () => {
    writeFileSync(cacheFile, loadWithCodeCache(codeFile, cacheFile).createCache());
    writeFileSync(codeFile, `${SOURCE}\nmodule.exports.extra = 'a longer file';\n`);
    const loaded = loadWithCodeCache(codeFile, cacheFile);
    expect(loaded.rejected).toBe(true);
    expect((loaded.exports as { extra: string }).extra).toBe('a longer file');
  });
});
