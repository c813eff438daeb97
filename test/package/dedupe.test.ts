import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { dedupePlugin, duplicatePackages, keptCopyOf } from '../../scripts/package/dedupe';

/**
 * The bundle keeps one copy of a package npm installed several times at the same version
 * (scripts/package/dedupe.ts), on a node_modules folder made for the test:
 *
 * ```
 * node_modules/a            a@1.0.0
 * node_modules/b            requires a, and has its own copy of it:
 * node_modules/b/node_modules/a                  a@1.0.0, the same
 * node_modules/b/node_modules/a/node_modules/x   a dependency only that copy has
 * node_modules/c/node_modules/a                  a@2.0.0, another version
 * node_modules/@s/d and node_modules/b/node_modules/@s/d, both @s/d@1.0.0
 * ```
 */

let root: string;
let nodeModules: string;

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const pkg = (dir: string, name: string, version: string, main: string) => {
  write(`${dir}/package.json`, JSON.stringify({ name, version, main: 'index.js' }));
  write(`${dir}/index.js`, main);
};

beforeAll(() => {
  // A real path: where the temporary folder is under a symlink (macOS), the map's folders are real paths too.
  root = realpathSync.native(mkdtempSync(join(tmpdir(), 'cloudbot-dedupe-')));
  nodeModules = join(root, 'node_modules');
  // Each copy counts how often it was set up, so that the bundle shows how many copies it runs.
  const counted = (label: string) => `globalThis.setUps = (globalThis.setUps || []).concat(${JSON.stringify(label)}); module.exports = ${JSON.stringify(label)};`;
  pkg('node_modules/a', 'a', '1.0.0', counted('a1'));
  pkg('node_modules/b', 'b', '1.0.0', 'module.exports = [require("a"), require("@s/d")];');
  pkg('node_modules/b/node_modules/a', 'a', '1.0.0', counted('a1'));
  pkg('node_modules/b/node_modules/a/node_modules/x', 'x', '1.0.0', 'module.exports = "x";');
  pkg('node_modules/c', 'c', '1.0.0', 'module.exports = require("a");');
  pkg('node_modules/c/node_modules/a', 'a', '2.0.0', counted('a2'));
  pkg('node_modules/@s/d', '@s/d', '1.0.0', counted('d'));
  pkg('node_modules/b/node_modules/@s/d', '@s/d', '1.0.0', counted('d'));
  write('entry.js', 'module.exports = [require("a"), require("b"), require("c"), require("@s/d")];');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('duplicatePackages', () => {
  it('maps each second copy of the same name and version to the copy nearest the top, scoped ones too', () => {
    expect(duplicatePackages(nodeModules)).toEqual(
      new Map([
        [join(nodeModules, 'b/node_modules/a'), join(nodeModules, 'a')],
        [join(nodeModules, 'b/node_modules/@s/d'), join(nodeModules, '@s/d')],
      ]),
    );
  });
});

describe('keptCopyOf', () => {
  it('gives the same file in the kept copy, and leaves other files, a duplicate\'s own dependencies and missing twins alone', () => {
    const duplicates = duplicatePackages(nodeModules);
    expect(keptCopyOf(join(nodeModules, 'b/node_modules/a/index.js'), duplicates)).toBe(join(nodeModules, 'a/index.js'));
    expect(keptCopyOf(join(nodeModules, 'c/node_modules/a/index.js'), duplicates)).toBeUndefined();
    expect(keptCopyOf(join(nodeModules, 'b/node_modules/a/node_modules/x/index.js'), duplicates)).toBeUndefined();
    expect(keptCopyOf(join(nodeModules, 'b/node_modules/a/missing.js'), duplicates)).toBeUndefined();
    // The deepest duplicate holding a file is the one it belongs to.
    const nested = new Map([[join(nodeModules, 'b'), join(nodeModules, 'c')], [join(nodeModules, 'b/node_modules/a'), join(nodeModules, 'a')]]);
    expect(keptCopyOf(join(nodeModules, 'b/node_modules/a/index.js'), nested)).toBe(join(nodeModules, 'a/index.js'));
  });
});

describe('dedupePlugin', () => {
  const bundle = async (plugins: Parameters<typeof build>[0]['plugins']) => {
    const result = await build({ entryPoints: [join(root, 'entry.js')], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', plugins });
    const context: { module: { exports: unknown }; setUps?: string[] } = { module: { exports: {} } };
    const exported = runInNewContext(`${result.outputFiles[0]?.text ?? ''}; module.exports`, { ...context, globalThis: context }) as unknown;
    return { exported, setUps: context.setUps };
  };

  it('finds the duplicates through a symlinked path, as esbuild resolves to real paths', async () => {
    const link = `${root}-link`;
    symlinkSync(root, link, 'dir');
    try {
      expect((await bundle([dedupePlugin(join(link, 'node_modules'))])).setUps?.sort()).toEqual(['a1', 'a2', 'd']);
    } finally {
      rmSync(link, { force: true });
    }
  });

  it('sets up one copy of each package at each version, and the app gets the same exports', async () => {
    const plain = await bundle([]);
    const deduped = await bundle([dedupePlugin(nodeModules)]);
    expect(plain.setUps?.sort()).toEqual(['a1', 'a1', 'a2', 'd', 'd']);
    expect(deduped.setUps?.sort()).toEqual(['a1', 'a2', 'd']);
    expect(deduped.exported).toEqual(plain.exported);
  });
});
