import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { compileProbe, type ProbeOptions, type ProbeResult, runProbe } from '../../scripts/bench/coldstartProbe';
import {
  type BundleResult,
  bundleApp,
  APP_FILE,
  CODE_CACHE_FILE,
  CORE_MODULE,
  MAIN_GLOB,
  OPTIONAL_MODULES,
  PACKAGE_FUNCIGNORE,
  RUNTIME_ASSETS,
  zipDirectory,
} from '../../scripts/package/bundle';
import { createWebChatAssetHandler, WEB_CHAT_ASSET_DIR, WEB_CHAT_ASSET_FILES, webChatBundle } from '../../src/web/webChatAsset';
import { ignoredBy } from './ignoreFile';
import { QUESTION_MODEL_FILE } from '../../src/matching/questionModel';
import { COMPILED_KNOWLEDGE_FILE, readCompiledKnowledge } from '../../src/knowledge/compiledKnowledge';
import { LECTURE_FILE } from '../../src/knowledge/loadKnowledgeBase';
import { MATCHER_INDEX_FILE } from '../../src/matching/matcherIndex';

/**
 * The deployment package is built once, into a folder outside the repository: walking up from
 * it finds no node_modules and no knowledge/, so whatever works here works from the package alone.
 */
const ROOT = join(__dirname, '..', '..');
const BUILD_TIMEOUT_MS = 120_000;
const PROBE_TIMEOUT_MS = 60_000;

/** The Azurite that Jest's global setup started for this run. */
function azurite(): string {
  const connection = process.env.AZURITE_CONNECTION_STRING;
  if (connection === undefined) throw new Error('Azurite was not started by the global setup');
  return connection;
}

const PackageJsonSchema = z.record(z.string(), z.unknown());

/** The modules a bundled file asks Node for at run time. */
function requiredModules(code: string): Set<string> {
  return new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].flatMap(([, request]) => (request === undefined ? [] : [request])));
}

const builtins = new Set(builtinModules);

function installedWebChat(): Buffer {
  return readFileSync(join(ROOT, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js'));
}
const isBuiltin = (request: string) => builtins.has(request.replace(/^node:/, ''));

describe('the deployment package (npm run package)', () => {
  let scratch = '';
  let bundle: BundleResult;
  let probe = '';
  const inPackage = (path: string) => join(bundle.outDir, path);
  const run = (options: Partial<ProbeOptions> = {}) =>
    runProbe(probe, { appDir: bundle.outDir, entries: bundle.functions.map(inPackage), timeoutMs: PROBE_TIMEOUT_MS, ...options });

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'cloudbot-package-test-'));
    bundle = await bundleApp({ rootDir: ROOT, outDir: join(scratch, 'package') });
    probe = await compileProbe(join(scratch, 'probe'));
  }, BUILD_TIMEOUT_MS);

  afterAll(() => {
    if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
  });

  describe('its layout', () => {
    it('has the repository host.json at its root, so that the host reads the same settings', () => {
      expect(readFileSync(inPackage('host.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'host.json'), 'utf8'));
    });

    it('has a package.json whose main matches one bundled file per function in functions/', () => {
      const manifest = PackageJsonSchema.parse(JSON.parse(readFileSync(inPackage('package.json'), 'utf8')));
      expect(manifest.main).toBe(MAIN_GLOB);
      const sources = readdirSync(join(ROOT, 'functions')).filter((name) => name.endsWith('.ts'));
      const bundled = readdirSync(inPackage('functions')).filter((name) => name.endsWith('.js'));
      expect(bundled.sort()).toEqual(sources.map((name) => name.replace(/\.ts$/, '.js')).sort());
      expect([...bundle.functions].sort()).toEqual(bundled.map((name) => `functions/${name}`).sort());
      for (const file of bundle.functions) expect(existsSync(inPackage(`${file}.map`))).toBe(true);
    });

    it('declares no dependencies and no scripts: deploying it needs no node_modules and no remote build', () => {
      const manifest = PackageJsonSchema.parse(JSON.parse(readFileSync(inPackage('package.json'), 'utf8')));
      expect(Object.keys(manifest).sort()).toEqual(['main', 'name', 'private', 'version']);
    });

    it('carries the lecture and every knowledge file, parsed from YAML into one file the app reads at start', () => {
      expect(readdirSync(inPackage('knowledge')).sort()).toEqual([COMPILED_KNOWLEDGE_FILE, LECTURE_FILE, MATCHER_INDEX_FILE, QUESTION_MODEL_FILE].sort());
      // The question model the repository trained, byte for byte: the package does not retrain it.
      expect(readFileSync(inPackage(`knowledge/${QUESTION_MODEL_FILE}`)).equals(readFileSync(join(ROOT, 'knowledge', QUESTION_MODEL_FILE)))).toBe(true);
      const compiled = readCompiledKnowledge(readFileSync(inPackage(`knowledge/${COMPILED_KNOWLEDGE_FILE}`), 'utf8'), COMPILED_KNOWLEDGE_FILE);
      const yamlFiles = readdirSync(join(ROOT, 'knowledge')).filter((name) => name.endsWith('.yaml'));
      expect(compiled.map((file) => basename(file.name)).sort()).toEqual(yamlFiles.sort());
      for (const file of compiled) expect(file.data).toEqual(parseYaml(readFileSync(join(ROOT, 'knowledge', basename(file.name)), 'utf8')));
    });

    it('carries a V8 code cache of the app, made after the warm-up conversation', () => {
      // A cache of the top-level code alone would be a few hundred kB; compiled functions make it megabytes.
      expect(statSync(inPackage(CODE_CACHE_FILE)).size).toBeGreaterThan(1_000_000);
    });

    it('has nothing under node_modules/, which azd leaves out of a Node.js package without a .funcignore', () => {
      expect(bundle.files.filter((file) => file.path.split('/').includes('node_modules')).map((file) => file.path)).toEqual([]);
    });

    it('carries the Web Chat bundle in assets/webchat/, byte for byte the installed one, with its version', () => {
      expect(bundle.files.filter((file) => file.path.startsWith(`${WEB_CHAT_ASSET_DIR}/`)).map((file) => file.path).sort()).toEqual(
        [...RUNTIME_ASSETS].sort(),
      );
      expect(readFileSync(inPackage(`${WEB_CHAT_ASSET_DIR}/${WEB_CHAT_ASSET_FILES.identity}`)).equals(installedWebChat())).toBe(true);
      expect(webChatBundle(bundle.outDir)).toEqual(webChatBundle(ROOT));
    });

    it('carries the bundle precompressed with Brotli and gzip, each decompressing to the bundle and far smaller', () => {
      const original = installedWebChat();
      const br = readFileSync(inPackage(`${WEB_CHAT_ASSET_DIR}/${WEB_CHAT_ASSET_FILES.br}`));
      const gzip = readFileSync(inPackage(`${WEB_CHAT_ASSET_DIR}/${WEB_CHAT_ASSET_FILES.gzip}`));
      expect(brotliDecompressSync(br).equals(original)).toBe(true);
      expect(gunzipSync(gzip).equals(original)).toBe(true);
      expect(br.length).toBeLessThan(original.length / 4);
      expect(gzip.length).toBeLessThan(original.length / 3);
    });

    it('serves the precompressed files as they are, without compressing anything at run time', async () => {
      const asset = createWebChatAssetHandler(webChatBundle(bundle.outDir), bundle.outDir);
      const get = async (encoding: string) => {
        const { version, path } = webChatBundle(bundle.outDir);
        const request = new HttpRequest({ method: 'GET', url: `http://localhost${path}`, headers: { 'accept-encoding': encoding }, params: { version } });
        const response = await asset(request, new InvocationContext());
        return Buffer.from(response.body as Uint8Array);
      };
      expect((await get('gzip, deflate, br')).equals(readFileSync(inPackage(`${WEB_CHAT_ASSET_DIR}/${WEB_CHAT_ASSET_FILES.br}`)))).toBe(true);
      expect((await get('gzip')).equals(readFileSync(inPackage(`${WEB_CHAT_ASSET_DIR}/${WEB_CHAT_ASSET_FILES.gzip}`)))).toBe(true);
    });

    it('keeps every file whichever .funcignore azd applies: its own, or the one at the repository root', () => {
      expect(readFileSync(inPackage('.funcignore'), 'utf8')).toBe(PACKAGE_FUNCIGNORE);
      for (const ignoreFile of [inPackage('.funcignore'), join(ROOT, '.funcignore')]) {
        const patterns = readFileSync(ignoreFile, 'utf8');
        const dropped = bundle.files.filter((file) => ignoredBy(patterns, file.path) !== undefined).map((file) => `${file.path} (${ignoreFile})`);
        expect(dropped).toEqual([]);
      }
    });

    it('holds the code Azure runs and nothing of src/dev/, which only npm start runs', () => {
      const SourceMap = z.object({ sources: z.array(z.string()) });
      const sources = SourceMap.parse(JSON.parse(readFileSync(inPackage(`${APP_FILE}.map`), 'utf8'))).sources;
      expect(sources.some((source) => source.includes('src/hosting/'))).toBe(true);
      expect(sources.some((source) => source.includes('src/web/'))).toBe(true);
      expect(sources.filter((source) => source.includes('src/dev/'))).toEqual([]);
    });

    it('asks Node at run time only for built-ins, the shared file, the worker\'s API and optional add-ons', () => {
      const code = bundle.files.filter((file) => file.path.endsWith('.js') && !RUNTIME_ASSETS.includes(file.path));
      const requested = new Set(code.flatMap((file) => [...requiredModules(readFileSync(inPackage(file.path), 'utf8'))]));
      const foreign = [...requested].filter((request) => !isBuiltin(request) && !request.startsWith('.'));
      expect(foreign).toContain(CORE_MODULE);
      expect(foreign.filter((request) => request !== CORE_MODULE && !OPTIONAL_MODULES.includes(request))).toEqual([]);
    });
  });

  it('zips to the same files, host.json at the top, byte for byte the same from one build to the next', async () => {
    const zip = await zipDirectory(bundle.outDir);
    const entries = Object.values((await JSZip.loadAsync(zip)).files).filter((entry) => !entry.dir);
    expect(entries.map((entry) => entry.name).sort()).toEqual(bundle.files.map((file) => file.path));
    expect(entries.map((entry) => entry.name)).toContain('host.json');
    expect((await zipDirectory(bundle.outDir)).equals(zip)).toBe(true);
    // Two zips of a package with the Web Chat bundle in it: close to 20 s on a loaded 2-core machine.
  }, BUILD_TIMEOUT_MS);

  describe('when the Functions worker loads it and a student asks "what is paas"', () => {
    let result: ProbeResult & { stderr: string };

    beforeAll(() => {
      result = run();
    }, PROBE_TIMEOUT_MS + 10_000);

    it('registers messages as anonymous POST /api/messages', () => {
      const messages = result.registrations.find((registration) => registration.name === 'messages');
      expect(messages?.trigger).toMatchObject({ type: 'httpTrigger', route: 'messages', methods: ['POST'], authLevel: 'anonymous' });
    });

    it('registers every function once, and the hook that builds the runtime at start', () => {
      const names = readdirSync(join(ROOT, 'functions')).filter((name) => name.endsWith('.ts')).map((name) => name.replace(/\.ts$/, ''));
      expect(result.registrations.map((registration) => registration.name).sort()).toEqual(names.sort());
      expect(result.hooks).toEqual(['appStart']);
    });

    it('loads the app from the shared file, not once per function', () => {
      // The probe itself, one file per function, the shared file: nothing from node_modules.
      expect(result.modulesLoaded).toBe(bundle.functions.length + 2);
    });

    it('answers about PaaS in the expectReplies response', () => {
      expect(result.replies).toHaveLength(1);
      expect(result.replies[0]?.status).toBe(200);
      expect(result.replies[0]?.texts.join('\n')).toMatch(/Platform as a service \(PaaS\)/i);
    });

    it('logs no warning or error to the worker', () => {
      expect(result.workerLogs).toEqual([]);
    });

    it('compiles the app from its code cache, which V8 accepts', () => {
      expect(result.stderr).not.toMatch(/rejected/);
    });

    it("restores the matcher's index from the package instead of building it", () => {
      expect(result.stderr).not.toMatch(/Not using matcher-index\.json/);
    });

    it('uses the question model it carries, not the rules alone', () => {
      expect(result.stderr).not.toMatch(/Not using a question model/);
    });
  });

  it("still answers, and says why it starts slower, when V8 rejects the code cache and the matcher's index is damaged", () => {
    const copy = join(scratch, 'package-with-bad-cache');
    cpSync(bundle.outDir, copy, { recursive: true });
    writeFileSync(join(copy, CODE_CACHE_FILE), Buffer.alloc(4096, 7));
    const indexFile = join(copy, 'knowledge', MATCHER_INDEX_FILE);
    writeFileSync(indexFile, readFileSync(indexFile, 'utf8').replace('"idf":[', '"idf":[9,'));
    const result = runProbe(probe, {
      appDir: copy,
      entries: bundle.functions.map((path) => join(copy, path)),
      timeoutMs: PROBE_TIMEOUT_MS,
    });
    expect(result.replies[0]?.status).toBe(200);
    expect(result.replies[0]?.texts.join('\n')).toMatch(/Platform as a service \(PaaS\)/i);
    expect(result.stderr).toMatch(/V8 rejected app\.js\.cache/);
    expect(result.stderr).toMatch(/Not using matcher-index\.json, which is damaged/);
  }, PROBE_TIMEOUT_MS + 10_000);

  it('keeps conversation state in Blob Storage from one instance to the next (Azurite)', () => {
    const settings = { STATE_STORAGE_CONNECTION_STRING: azurite(), STATE_CONTAINER: `package-test-${String(Date.now())}` };
    const conversationId = 'package-test-conversation';
    run({ settings, conversationId, texts: ['what is iaas'] });
    const next = run({ settings, conversationId, texts: ['what are its disadvantages?'] });
    expect(next.replies[0]?.texts.join('\n')).toMatch(/IaaS.*Bad point/s);
    expect(next.stderr).not.toMatch(/storage .*failed/i);
  }, 2 * PROBE_TIMEOUT_MS + 10_000);
});
