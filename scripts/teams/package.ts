import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  APP_PACKAGE_DIR,
  ManifestInvalidError,
  PackageInputError,
  PackageInputsSchema,
  TEMPLATE_FILE,
  buildManifest,
  zipAppPackage,
  type PackageInputs,
} from './manifest';

/**
 * `npm run teams:package -- --bot-id <guid> --domain <host> [--version <semver>] [--app-id <guid>]`
 * writes dist/appPackage.zip, ready to upload to Teams. Each flag falls back to an environment
 * variable, so a pipeline can set them once; the version falls back to package.json's.
 */

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'dist', 'appPackage.zip');

export const USAGE =
  'Usage: tsx scripts/teams/package.ts [--bot-id <guid>] [--domain <host>] [--version <semver>] [--app-id <guid>]';

/** Where each input comes from, in order: the flag, then the environment variable. */
export const INPUT_SOURCES = {
  botId: { flag: 'bot-id', env: 'MicrosoftAppId' },
  domain: { flag: 'domain', env: 'BOT_DOMAIN' },
  version: { flag: 'version', env: 'TEAMS_APP_VERSION' },
  appId: { flag: 'app-id', env: 'TEAMS_APP_ID' },
} as const;

const sourceNames = new Map<PropertyKey, string>(
  Object.entries(INPUT_SOURCES).map(([key, { flag, env }]) => [key, `--${flag} (or ${env})`]),
);

/** An empty variable counts as unset: local.settings files often leave MicrosoftAppId blank. */
function setting(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Reads and validates the inputs from the command line and the environment.
 * @throws PackageInputError naming each bad or missing input's flag and variable.
 */
export function readPackageInputs(argv: readonly string[], env: NodeJS.ProcessEnv, packageVersion: string): PackageInputs {
  let flags: Partial<Record<string, string>>;
  try {
    const options = Object.fromEntries(
      Object.values(INPUT_SOURCES).map(({ flag }) => [flag, { type: 'string' as const }]),
    );
    flags = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new PackageInputError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const pick = ({ flag, env: name }: { flag: string; env: string }): string | undefined =>
    setting(flags[flag]) ?? setting(env[name]);

  const parsed = PackageInputsSchema.safeParse({
    botId: pick(INPUT_SOURCES.botId),
    domain: pick(INPUT_SOURCES.domain),
    version: pick(INPUT_SOURCES.version) ?? packageVersion,
    appId: pick(INPUT_SOURCES.appId),
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path[0];
    const name = key === undefined ? 'input' : (sourceNames.get(key) ?? String(key));
    return `  ${name}: ${issue.message}`;
  });
  throw new PackageInputError(`Cannot build the Teams app package:\n${problems.join('\n')}\n${USAGE}`);
}

function readPackageVersion(): string {
  const PackageJsonSchema = z.object({ version: z.string() });
  return PackageJsonSchema.parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).version;
}

async function main(): Promise<void> {
  const inputs = readPackageInputs(process.argv.slice(2), process.env, readPackageVersion());
  const manifest = await buildManifest(readFileSync(join(APP_PACKAGE_DIR, TEMPLATE_FILE), 'utf8'), inputs);
  const zip = await zipAppPackage({
    manifest,
    colorPng: readFileSync(join(APP_PACKAGE_DIR, manifest.icons.color)),
    outlinePng: readFileSync(join(APP_PACKAGE_DIR, manifest.icons.outline)),
  });
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, zip);
  process.stdout.write(
    `${relative(process.cwd(), OUTPUT)}: ${manifest.name.short} ${manifest.version} (manifest v${manifest.manifestVersion}), ` +
      `bot ${inputs.botId}, app ${inputs.appId}, domain ${inputs.domain}, ${zip.length} bytes\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // Bad input is the user's to fix and gets exit code 2; anything else, including a manifest
    // the schema rejects, is a fault in the package and gets 1.
    const known = error instanceof PackageInputError || error instanceof ManifestInvalidError;
    const message = error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error);
    process.stderr.write(`${message}\n`);
    process.exitCode = error instanceof PackageInputError ? 2 : 1;
  });
}
