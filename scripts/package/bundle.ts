import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { tmpdir } from 'node:os';
import { basename, join, posix, relative, resolve, sep } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import JSZip from 'jszip';
import { compileProbe, runProbe } from '../bench/coldstartProbe';
import { buildKnowledgeBase, LECTURE_FILE, parseYamlFile, readKnowledgeDir } from '../../src/knowledge/loadKnowledgeBase';
import { compileKnowledge, COMPILED_KNOWLEDGE_FILE } from '../../src/knowledge/compiledKnowledge';
import { buildMatcherIndex } from '../../src/matching/Matcher';
import { indexFingerprint, MATCHER_INDEX_FILE, serialiseMatcherIndex } from '../../src/matching/matcherIndex';
import { QUESTION_MODEL_FILE, readQuestionModel } from '../../src/matching/questionModel';
import { DEFAULT_MATCHING_OPTIONS, type MatchingOptions } from '../../src/matching/matchingOptions';
import { NEIGHBOUR_TABLE_FILE } from '../../src/matching/neighbourTable';
import { compressWebChat, WEB_CHAT_ASSET_DIR, WEB_CHAT_ASSET_FILES, webChatBundle, webChatPackageDir, type WebChatVersion } from '../../src/web/webChatAsset';
import { APP_FILE_NAME, CODE_CACHE_FILE_NAME } from './codeCache';
import { dedupePlugin, PackageJsonSchema } from './dedupe';

/**
 * The deployment package: every Azure Function in `functions/` bundled with its dependencies, so
 * that the Functions host needs no `node_modules`, no `npm install` and no remote build.
 *
 * ```
 * host.json
 * package.json           name, version and `main`; no dependencies
 * functions/<name>.js    one small file per function: its registration, as in functions/<name>.ts
 * lib/cloudbot.js        what they share: a small loader (sharedFile.ts) for the app beside it
 * lib/app.js             the app (src/, @azure/functions, botbuilder, …), once
 * lib/app.js.cache       V8's code cache of lib/app.js after a warm-up conversation (codeCache.ts)
 * knowledge/             the lecture, the knowledge base parsed from YAML into knowledge.json,
 *                        the matcher's index for it (matcher-index.json) and the question
 *                        model trained for it (question-model.bin)
 * assets/webchat/        the Web Chat bundle the chat page serves (a file, not a dependency), its
 *                        Brotli and gzip forms, and its version (src/web/webChatAsset.ts)
 * src/matching/neighbours.json
 *                        only when the meaning-level signal is on (src/matching/neighbourTable.ts)
 * .funcignore            ignores nothing the app needs (see PACKAGE_FUNCIGNORE)
 * ```
 *
 * Nothing is under node_modules/: deployment tools leave that folder out of a Node.js package by
 * default (azd does when the package has no .funcignore of its own).
 *
 * The host loads every file `main` matches into one process. Bundled separately, each function
 * would carry its own copy of the whole app: the host would compile botbuilder and the SDKs once
 * per function and the health function would build a second knowledge base. So each function
 * file only registers, and takes everything it imports from the one shared file.
 */

/** Where the function files are, in the repository and in the package. */
export const FUNCTIONS_DIR = 'functions';
/**
 * The Node.js major version the Function App runs (infra/modules/functionApp.bicep; a test keeps
 * them equal). V8 accepts a code cache only from its own version, so the package's cache helps
 * in Azure only when `npm run package` runs on this version.
 */
export const AZURE_NODE_MAJOR = 22;

/** What the functions share, relative to the package root. */
export const SHARED_FILE = 'lib/cloudbot.js';
/** The app the shared file loads, and its code cache. */
export const APP_FILE = `lib/${APP_FILE_NAME}`;
export const CODE_CACHE_FILE = `lib/${CODE_CACHE_FILE_NAME}`;
/**
 * The conversation that compiles the app before its code cache is taken: a greeting, questions,
 * a follow-up, a fallback and a quiz, so that most of what a first turn runs is in the cache.
 */
export const WARM_UP_CONVERSATION = ['hello', 'what is paas', 'and iaas?', 'any downsides?', 'what is terraform', 'quiz me', 'a', 'stop quiz'];
/** `package.json`'s `main`: the Functions host loads every file it matches. */
export const MAIN_GLOB = `${FUNCTIONS_DIR}/*.js`;
/**
 * The worker's own API, which it hands to `@azure/functions` by intercepting `require`; it is
 * not on npm and must stay a plain `require` call in the bundle.
 */
export const CORE_MODULE = '@azure/functions-core';
/**
 * Optional add-ons that ws and node-fetch try to load inside try/catch and run without. They are
 * not installed, so they stay plain `require` calls that fail quietly at run time, as they do unbundled.
 */
export const OPTIONAL_MODULES = ['bufferutil', 'utf-8-validate', 'encoding'];

/**
 * Files the app reads by path at run time (src/web/webChatAsset.ts) instead of importing
 * them, so the bundler cannot see them: the Web Chat bundle, compressed ahead of time so that no
 * instance spends a second of its first request compressing 4 MB.
 */
export const RUNTIME_ASSETS = Object.values(WEB_CHAT_ASSET_FILES).map((file) => `${WEB_CHAT_ASSET_DIR}/${file}`);

/**
 * The package's own ignore file. azd zips a Functions package with the .funcignore it finds and,
 * without one, leaves out node_modules/ by default; this one makes the package's content the
 * same whichever applies. It must ignore nothing the package holds (test/package checks it).
 */
export const PACKAGE_FUNCIGNORE = [
  '# The package is exactly what the app needs: nothing here may be left out of the zip.',
  'local.settings*.json',
  '',
].join('\n');

export interface BundleOptions {
  /** The repository: functions/, host.json, package.json and knowledge/ are read from here. */
  rootDir: string;
  /** The package folder to (re)create, e.g. dist/package. Everything in it is replaced. */
  outDir: string;
  /** Whether to make lib/app.js.cache (the default); without it the app is compiled at every start. */
  codeCache?: boolean;
}

export interface PackageFile {
  /** Relative to the package root, with `/` separators. */
  path: string;
  bytes: number;
}

export interface BundleResult {
  outDir: string;
  /** The function files `main` matches, relative to the package root, in load order. */
  functions: string[];
  /** Every file in the package, sorted. */
  files: PackageFile[];
}

const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  // Source maps are for mapping stack traces, which need only line mappings. The function files'
  // apply with `--enable-source-maps`; the app's must be applied offline, because Node 20 applies
  // none to code compiled through `vm` (codeCache.ts).
  sourcesContent: false,
  // Some SDK code tells classes apart by `constructor.name` (@azure/storage-blob recognises some
  // of its pipeline factories only that way); minified names would make those checks miss.
  keepNames: true,
  external: [CORE_MODULE, ...OPTIONAL_MODULES],
  logLevel: 'warning',
} satisfies BuildOptions;

const SHARED_NAMESPACE = 'cloudbot-shared';

/**
 * Packages whose ESM build finds its own files through `import.meta.url`, which a CommonJS bundle
 * leaves empty: the app imports them with `import`, and their CommonJS build is what `require`
 * would load, the one botbuilder itself uses.
 */
const REQUIRE_BUILD_PACKAGES: readonly string[] = ['@azure/storage-blob'];

/** Resolves `REQUIRE_BUILD_PACKAGES` as `require` would, whatever the import syntax. */
function requireBuildPlugin(): Plugin {
  const filter = new RegExp(`^(?:${REQUIRE_BUILD_PACKAGES.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})$`);
  return {
    name: 'require-build',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter }, async (args) => {
        if (args.kind === 'require-call') return undefined;
        const resolved = await pluginBuild.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, importer: args.importer });
        return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
      });
    },
  };
}

/**
 * Replaces every import of a function file with a lookup in the shared file, and collects what
 * was imported, so that the shared file can be built to provide exactly that.
 */
function sharedImportsPlugin(entryFiles: ReadonlySet<string>, sharedRequest: string, imported: Set<string>): Plugin {
  return {
    name: 'cloudbot-shared-imports',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, (args) => {
        if (args.path === sharedRequest) return { path: sharedRequest, external: true };
        if (!entryFiles.has(args.importer)) return undefined;
        imported.add(args.path);
        return { path: args.path, namespace: SHARED_NAMESPACE };
      });
      plugin.onLoad({ filter: /.*/, namespace: SHARED_NAMESPACE }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(sharedRequest)})[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The shared file's source: one getter per module the functions import. Getters keep each
 * module's evaluation where it was before bundling: at its first import, in load order.
 */
function sharedEntrySource(imported: readonly string[]): string {
  const getters = imported.map((request) => `  get ${JSON.stringify(request)}() { return require(${JSON.stringify(request)}); },`);
  return `module.exports = {\n${getters.join('\n')}\n};\n`;
}

/**
 * The bundle with its last non-ASCII characters escaped, so that it loads as a one-byte string
 * (codeCache.ts). esbuild escapes them everywhere but in regular expression literals
 * (`/[‘’´]/`, in our normaliser and the stemmer), where `\uXXXX` means the same character. An
 * escaped one (`\’`, an identity escape, valid only without the `u` flag) becomes `\u2019`,
 * which means the same there. Columns after a replaced character shift in the source map.
 */
export function asciiOnly(code: string): string {
  const hex = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;
  const escaped = code.replace(/(\\*)([^\p{ASCII}])/gu, (_match, slashes: string, char: string) => {
    const units = Array.from({ length: char.length }, (_, i) => hex(char.charCodeAt(i))).join('');
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + units;
  });
  if (!isAscii(Buffer.from(escaped))) throw new Error('The bundle still has non-ASCII characters after escaping');
  return escaped;
}

/** The function entry points, `messages` first: it is the one a cold start is waiting for. */
export function functionEntries(rootDir: string): string[] {
  const names = readdirSync(join(rootDir, FUNCTIONS_DIR))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort((a, b) => Number(b === 'messages.ts') - Number(a === 'messages.ts') || a.localeCompare(b));
  if (names.length === 0) throw new Error(`No functions found in ${join(rootDir, FUNCTIONS_DIR)}`);
  return names.map((name) => join(rootDir, FUNCTIONS_DIR, name));
}

/** Every file below `dir`, relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * Builds the deployment package into `outDir`: bundles, source maps, host.json, a package.json
 * without dependencies, and the knowledge folder.
 */
export async function bundleApp(options: BundleOptions): Promise<BundleResult> {
  const rootDir = resolve(options.rootDir);
  const outDir = resolve(options.outDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const entries = functionEntries(rootDir);
  const imported = new Set<string>();
  const sharedRequest = posix.relative(FUNCTIONS_DIR, SHARED_FILE);
  await build({
    ...ESBUILD_OPTIONS,
    absWorkingDir: rootDir,
    entryPoints: entries,
    outbase: join(rootDir, FUNCTIONS_DIR),
    outdir: join(outDir, FUNCTIONS_DIR),
    plugins: [sharedImportsPlugin(new Set(entries), sharedRequest, imported)],
  });
  await build({
    ...ESBUILD_OPTIONS,
    absWorkingDir: rootDir,
    stdin: {
      contents: sharedEntrySource([...imported].sort()),
      // The function files' imports are relative to functions/, so the shared file resolves them from there.
      resolveDir: join(rootDir, FUNCTIONS_DIR),
      sourcefile: 'functions-shared.js',
      loader: 'js',
    },
    outfile: join(outDir, APP_FILE),
    plugins: [requireBuildPlugin(), dedupePlugin(join(rootDir, 'node_modules'))],
  });
  writeFileSync(join(outDir, APP_FILE), asciiOnly(readFileSync(join(outDir, APP_FILE), 'utf8')));
  await build({
    ...ESBUILD_OPTIONS,
    absWorkingDir: rootDir,
    entryPoints: [join(__dirname, 'sharedFile.ts')],
    outfile: join(outDir, SHARED_FILE),
  });

  writeFileSync(join(outDir, 'host.json'), readFileSync(join(rootDir, 'host.json')));
  const { name, version } = PackageJsonSchema.parse(JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')));
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ name, version, private: true, main: MAIN_GLOB }, null, 2)}\n`);
  writeKnowledge(join(rootDir, 'knowledge'), join(outDir, 'knowledge'));
  for (const file of matcherDataFiles()) {
    mkdirSync(join(outDir, posix.dirname(file)), { recursive: true });
    cpSync(join(rootDir, file), join(outDir, file));
  }
  writeWebChatAssets(rootDir, join(outDir, WEB_CHAT_ASSET_DIR));
  writeFileSync(join(outDir, '.funcignore'), PACKAGE_FUNCIGNORE);

  if (options.codeCache ?? true) await writeCodeCache(outDir, entries);

  const files = listFiles(outDir).map((path) => ({ path, bytes: statSync(join(outDir, path)).size }));
  const functions = entries.map((entry) => `${FUNCTIONS_DIR}/${basename(entry, '.ts')}.js`);
  return { outDir, functions, files };
}

/**
 * The package's knowledge folder: the lecture, the YAML files parsed into one JSON file
 * (src/knowledge/compiledKnowledge.ts), validated here so that an invalid knowledge base fails
 * the build, not the deployment, the matcher's index for it (src/matching/matcherIndex.ts) and
 * the question model (src/matching/questionModel.ts).
 * The app finds its root by walking up from lib/ to this folder.
 */
function writeKnowledge(sourceDir: string, targetDir: string): void {
  const { files, lecture } = readKnowledgeDir(sourceDir);
  const problems: string[] = [];
  const parsed = files.map((file) => ({ name: file.name, data: 'data' in file ? file.data : parseYamlFile(file, problems) }));
  if (problems.length > 0) throw new Error(`The knowledge base is invalid:\n- ${problems.join('\n- ')}`);
  const kb = buildKnowledgeBase(parsed, lecture);
  mkdirSync(targetDir, { recursive: true });
  writeFileSync(join(targetDir, COMPILED_KNOWLEDGE_FILE), compileKnowledge(parsed));
  writeFileSync(join(targetDir, MATCHER_INDEX_FILE), serialiseMatcherIndex(buildMatcherIndex(kb), indexFingerprint(kb)));
  cpSync(join(sourceDir, LECTURE_FILE), join(targetDir, LECTURE_FILE));
  // The question model is checked like the knowledge base: one that does not fit fails the build, not the bot.
  const model = readQuestionModel(sourceDir, kb);
  if (!model.ok) throw new Error(`The question model cannot be packaged: ${model.reason}`);
  cpSync(join(sourceDir, QUESTION_MODEL_FILE), join(targetDir, QUESTION_MODEL_FILE));
}

/**
 * Files the matcher reads by path, relative to the app's root: the table of neighbours by
 * meaning, only when the options turn that signal on. Off (the default), no instance reads it,
 * so the package leaves its 53 kB out.
 */
export function matcherDataFiles(options: Readonly<MatchingOptions> = DEFAULT_MATCHING_OPTIONS): string[] {
  return options.neighbourSimilarity === null ? [] : [NEIGHBOUR_TABLE_FILE];
}

/**
 * The Web Chat bundle from node_modules, its version, and its Brotli and gzip forms, which the
 * app serves as they are instead of compressing the bundle on each instance's first request.
 */
function writeWebChatAssets(rootDir: string, targetDir: string): void {
  const { version } = webChatBundle(rootDir);
  const identity = readFileSync(join(webChatPackageDir(rootDir), 'dist', 'webchat.js'));
  mkdirSync(targetDir, { recursive: true });
  writeFileSync(join(targetDir, WEB_CHAT_ASSET_FILES.identity), identity);
  writeFileSync(join(targetDir, WEB_CHAT_ASSET_FILES.br), compressWebChat(identity, 'br', 'build'));
  writeFileSync(join(targetDir, WEB_CHAT_ASSET_FILES.gzip), compressWebChat(identity, 'gzip', 'build'));
  writeFileSync(join(targetDir, WEB_CHAT_ASSET_FILES.version), `${JSON.stringify({ version } satisfies WebChatVersion)}\n`);
}

/**
 * Loads the package in a new Node process as the Functions worker would, holds the warm-up
 * conversation, and saves V8's code cache of the app: every function compiled so far.
 */
async function writeCodeCache(outDir: string, entries: readonly string[]): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'cloudbot-package-'));
  try {
    const probe = await compileProbe(scratch);
    const result = runProbe(probe, {
      appDir: outDir,
      entries: entries.map((entry) => join(outDir, FUNCTIONS_DIR, `${basename(entry, '.ts')}.js`)),
      texts: WARM_UP_CONVERSATION,
      codeCacheFile: join(outDir, CODE_CACHE_FILE),
    });
    const failed = result.replies.find((reply) => reply.status !== 200);
    if (failed) throw new Error(`The warm-up conversation failed with ${String(failed.status)}:\n${result.stderr}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A zip of `dir`'s files, ready for zip deploy. Fixed timestamps: the same input gives the same bytes. */
export async function zipDirectory(dir: string): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2000, 0, 1));
  for (const path of listFiles(dir)) zip.file(path, readFileSync(join(dir, path)), { date, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}
