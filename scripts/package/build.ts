import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APP_FILE, AZURE_NODE_MAJOR, bundleApp, CODE_CACHE_FILE, type PackageFile, RUNTIME_ASSETS, zipDirectory } from './bundle';

/**
 * `npm run package`: the deployment package in dist/package/ and the same as dist/cloudbot.zip,
 * ready for zip deploy (`az functionapp deployment source config-zip`, or azd with
 * `dist: dist/package`). Nothing to install on the server: the package has no dependencies.
 */

const ROOT = join(__dirname, '..', '..');
const OUT_DIR = join(ROOT, 'dist', 'package');
const ZIP_FILE = join(ROOT, 'dist', 'cloudbot.zip');

function size(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} kB`;
}

async function main(): Promise<void> {
  const result = await bundleApp({ rootDir: ROOT, outDir: OUT_DIR });
  const zip = await zipDirectory(OUT_DIR);
  writeFileSync(ZIP_FILE, zip);

  const { files } = result;
  const sum = (keep: (file: PackageFile) => boolean) => files.filter(keep).reduce((bytes, file) => bytes + file.bytes, 0);
  const isAsset = (file: PackageFile) => RUNTIME_ASSETS.includes(file.path);
  const where = (path: string) => relative(process.cwd(), path) || '.';
  process.stdout.write(
    `${where(OUT_DIR)}: ${String(result.functions.length)} functions; ` +
      `JS ${size(sum((file) => file.path.endsWith('.js') && !isAsset(file)))} ` +
      `(${APP_FILE} ${size(sum((file) => file.path === APP_FILE))}) + code cache ${size(sum((file) => file.path === CODE_CACHE_FILE))} + source maps ${size(sum((file) => file.path.endsWith('.js.map')))}; ` +
      `knowledge ${size(sum((file) => file.path.startsWith('knowledge/')))}; Web Chat asset ${size(sum(isAsset))}; ` +
      `${String(files.length)} files, ${size(sum(() => true))} → ${where(ZIP_FILE)} ${size(zip.length)}\n`,
  );
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== AZURE_NODE_MAJOR) {
    process.stdout.write(
      `Note: the code cache is for Node ${process.versions.node}; the Function App runs Node ${String(AZURE_NODE_MAJOR)}, ` +
        `whose V8 will reject it and compile the app at each cold start. Package with Node ${String(AZURE_NODE_MAJOR)} to deploy.\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
