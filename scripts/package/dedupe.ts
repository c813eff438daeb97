import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';
import { z } from 'zod';

/**
 * npm installs a package once for each place that needs a version the top level does not have.
 * botbuilder's five packages each need zod 3, and the app zod 4, so node_modules holds five
 * identical copies of zod 3.25.76; a bundle would carry them all, and an instance would load and
 * set up each one at start (docs/performance.md). The same name at the same version is the
 * same code, so the bundle takes one copy for all of them.
 */

/** What a package.json says of the package: its name and version. */
export const PackageJsonSchema = z.object({ name: z.string(), version: z.string() });

/** Every package folder under a node_modules folder, nested ones included, with its name and version. */
function installedPackages(nodeModules: string): { dir: string; key: string }[] {
  const found: { dir: string; key: string }[] = [];
  const visit = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.name.startsWith('@')) {
        visit(path);
        continue;
      }
      const manifest = join(path, 'package.json');
      if (existsSync(manifest)) {
        const parsed = PackageJsonSchema.safeParse(JSON.parse(readFileSync(manifest, 'utf8')));
        if (parsed.success) found.push({ dir: path, key: `${parsed.data.name}@${parsed.data.version}` });
      }
      visit(join(path, 'node_modules'));
    }
  };
  visit(nodeModules);
  return found;
}

/**
 * Each folder that holds a second copy of a package (the same name and version as another), with
 * the copy that stands for all of them: the one nearest the top, then the first by path, so that
 * every build chooses the same one.
 */
export function duplicatePackages(nodeModules: string): Map<string, string> {
  const copies = new Map<string, string[]>();
  for (const { dir, key } of installedPackages(nodeModules)) copies.set(key, [...(copies.get(key) ?? []), dir]);
  const depth = (dir: string) => relative(nodeModules, dir).split(sep).length;
  const duplicates = new Map<string, string>();
  for (const dirs of copies.values()) {
    if (dirs.length < 2) continue;
    const [kept, ...others] = [...dirs].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const dir of others) if (kept !== undefined) duplicates.set(dir, kept);
  }
  return duplicates;
}

/**
 * The file in the kept copy that stands for a file resolved into a duplicate, or undefined for
 * any other file. A duplicate's own node_modules is left alone: the same version of a package may
 * have had its dependencies installed in different places.
 */
export function keptCopyOf(file: string, duplicates: ReadonlyMap<string, string>): string | undefined {
  // The duplicate the file belongs to is the deepest folder holding it: a duplicate may sit in another's node_modules.
  let owner: string | undefined;
  for (const dir of duplicates.keys()) if (file.startsWith(dir + sep) && (owner === undefined || dir.length > owner.length)) owner = dir;
  const kept = owner === undefined ? undefined : duplicates.get(owner);
  if (owner === undefined || kept === undefined) return undefined;
  const inside = relative(owner, file);
  if (inside.split(sep).includes('node_modules')) return undefined;
  const twin = join(kept, inside);
  return existsSync(twin) ? twin : undefined;
}

/** Resolves every import into a duplicate package to the same file in its kept copy. */
export function dedupePlugin(nodeModules: string): Plugin {
  // esbuild resolves to real paths, so the folders are compared as real paths too (a checkout under a symlink).
  const duplicates = existsSync(nodeModules) ? duplicatePackages(realpathSync.native(nodeModules)) : new Map<string, string>();
  return {
    name: 'dedupe-packages',
    setup(pluginBuild) {
      if (duplicates.size === 0) return;
      // Bare package names only: a relative import inside a kept copy stays in it.
      pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === dedupePlugin) return undefined;
        const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: dedupePlugin });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        const kept = keptCopyOf(resolved.path, duplicates);
        return kept === undefined ? undefined : { path: kept, sideEffects: resolved.sideEffects };
      });
    },
  };
}
