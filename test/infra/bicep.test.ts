import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { SETTINGS } from '../../src/config';
import { AZURE_NODE_MAJOR } from '../../scripts/package/bundle';

/*
 * No Bicep compiler runs in CI, so these tests read the Bicep as text: comments stripped, blocks
 * matched by brace, keys taken only at the top level of a block. That is enough to hold the
 * template to the app's own list of settings (src/config.ts's SETTINGS) without deploying it.
 */

const ROOT = join(__dirname, '..', '..');
const INFRA = join(ROOT, 'infra');

// Bounds on the walk of infra/, so that a stray symlink or a vendored tree cannot make it run away.
const MAX_DEPTH = 3;
const MAX_FILES = 50;

// Settings that Azure or the Functions host reads, not the app: allowed although SETTINGS
// does not list them.
const PLATFORM_SETTINGS = new Set(['APPLICATIONINSIGHTS_CONNECTION_STRING', 'FUNCTIONS_REQUEST_BODY_SIZE_LIMIT', 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET']);
const IDENTITY_BASED_HOST_STORAGE = /^AzureWebJobsStorage__[A-Za-z]+$/;

// Deprecated on Flex Consumption (functionAppConfig replaces them); some make the deployment fail.
const FLEX_DEPRECATED_SETTINGS = [
  'FUNCTIONS_WORKER_RUNTIME',
  'FUNCTIONS_EXTENSION_VERSION',
  'WEBSITE_NODE_DEFAULT_VERSION',
  'WEBSITE_RUN_FROM_PACKAGE',
  'WEBSITE_CONTENTSHARE',
  'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'ENABLE_ORYX_BUILD',
];

interface BicepFile {
  path: string;
  text: string;
}

interface BicepResource {
  file: string;
  type: string;
  /** Declared with `existing`: a reference to a resource declared elsewhere. */
  existing: boolean;
  body: string;
}

function listBicepFiles(dir: string, depth: number, found: string[]): string[] {
  if (depth > MAX_DEPTH) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (found.length >= MAX_FILES) throw new Error(`More than ${MAX_FILES} Bicep files under infra/`);
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listBicepFiles(path, depth + 1, found);
    else if (entry.isFile() && entry.name.endsWith('.bicep')) found.push(path);
  }
  return found;
}

/** Index just past the Bicep string that opens at `start` (`'...'` or `'''...'''`). */
function endOfString(text: string, start: number): number {
  if (text.startsWith("'''", start)) {
    const close = text.indexOf("'''", start + 3);
    return close === -1 ? text.length : close + 3;
  }
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === "'") return i + 1;
  }
  return text.length;
}

/** The text without `//` and `/* *\/` comments, which may mention settings the template does not set. */
function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === "'") {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (text.startsWith('//', i)) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else {
      out += text.charAt(i);
      i++;
    }
  }
  return out;
}

/** The text between the bracket at `open` and its match, exclusive. */
function blockAt(text: string, open: number): string {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const closers: string[] = [];
  for (let i = open; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === "'") {
      i = endOfString(text, i) - 1;
      continue;
    }
    const closer = pairs[char];
    if (closer !== undefined) closers.push(closer);
    else if (char === closers[closers.length - 1]) {
      closers.pop();
      if (closers.length === 0) return text.slice(open + 1, i);
    }
  }
  throw new Error(`Unbalanced bracket at offset ${open}`);
}

/** Each `key: value` at the top level of a block, with the value's raw text (a whole block for `{` or `[`). */
function topLevelEntries(body: string): Map<string, string> {
  const entries = new Map<string, string>();
  const key = /^\s*(?:'([^']+)'|([A-Za-z_$][\w$]*))\s*:\s*/;
  let depth = 0;
  let lineStart = 0;
  let lineDepth = 0;
  for (let i = 0; i <= body.length; i++) {
    const char = body.charAt(i);
    if (char === "'") {
      i = endOfString(body, i) - 1;
      continue;
    }
    if (i === body.length || char === '\n') {
      if (lineDepth === 0) {
        const line = body.slice(lineStart, i);
        const match = key.exec(line);
        if (match) {
          const name = match[1] ?? match[2] ?? '';
          const valueStart = lineStart + match[0].length;
          const opener = body.charAt(valueStart);
          const value =
            opener === '{' || opener === '['
              ? `${opener}${blockAt(body, valueStart)}${opener === '{' ? '}' : ']'}`
              : line.slice(match[0].length).trim();
          entries.set(name, value);
        }
      }
      lineStart = i + 1;
      lineDepth = depth;
    } else if ('{[('.includes(char)) depth++;
    else if ('}])'.includes(char)) depth--;
  }
  return entries;
}

/** The entry's value, which must be there: a missing property should fail the test that needs it. */
function entry(block: string, name: string): string {
  const trimmed = block.trimStart();
  const value = topLevelEntries(trimmed.startsWith('{') ? blockAt(trimmed, 0) : block).get(name);
  if (value === undefined) throw new Error(`No top-level "${name}" in:\n${block.slice(0, 400)}`);
  return value;
}

function resourcesOf(file: BicepFile): BicepResource[] {
  // A loop (`= [for x in xs: {`) declares one resource too; its body is the object after the colon.
  const declaration = /\bresource\s+\w+\s+'([^']+)'\s*(existing\s*)?=\s*(?:\[[^\]]*?:\s*)?\{/g;
  return [...file.text.matchAll(declaration)].map((match) => ({
    file: relative(ROOT, file.path),
    type: match[1] ?? '',
    existing: match[2] !== undefined,
    body: blockAt(file.text, match.index + match[0].length - 1),
  }));
}

const files: BicepFile[] = listBicepFiles(INFRA, 0, []).map((path) => ({ path, text: stripComments(readFileSync(path, 'utf8')) }));
const resources = files.flatMap(resourcesOf);

/** The resources the template declares (not those it only refers to) of a type, API version aside. */
function resourcesOfType(type: string): BicepResource[] {
  return resources.filter((resource) => !resource.existing && resource.type.split('@')[0] === type);
}

function onlyResource(type: string): BicepResource {
  const found = resourcesOfType(type);
  expect(found.map((resource) => resource.file)).toHaveLength(1);
  const [resource] = found;
  if (resource === undefined) throw new Error(`No ${type} resource under infra/`);
  return resource;
}

/** The one declared resource whose `name` is `name` (a quoted Bicep string). */
function onlyResourceNamed(name: string): string {
  const found = resources.filter((resource) => !resource.existing && topLevelEntries(resource.body).get('name') === name);
  expect(found).toHaveLength(1);
  return found[0]?.body ?? '';
}

/** The app settings the template sets, with their raw Bicep values: the one `Microsoft.Web/sites/config` named `appsettings`. */
function appSettings(): Map<string, string> {
  const configs = resourcesOfType('Microsoft.Web/sites/config').filter((resource) => entry(resource.body, 'name') === "'appsettings'");
  expect(configs.map((config) => config.file)).toHaveLength(1);
  const [config] = configs;
  if (config === undefined) throw new Error('No appsettings resource under infra/');
  return topLevelEntries(blockAt(entry(config.body, 'properties'), 0));
}

function appSettingNames(): string[] {
  return [...appSettings().keys()];
}

function bicepFile(path: string): BicepFile {
  const file = files.find((candidate) => relative(INFRA, candidate.path).split('\\').join('/') === path);
  if (file === undefined) throw new Error(`No infra/${path}`);
  return file;
}

/** The parameters a Bicep file declares. */
function parameterNames(file: BicepFile): string[] {
  return [...file.text.matchAll(/^param\s+(\w+)\s/gm)].map((match) => match[1] ?? '');
}

/** The `params` that main.bicep passes to the module declared from `path`. */
function moduleParams(path: string): Map<string, string> {
  const main = bicepFile('main.bicep');
  const declaration = new RegExp(`\\bmodule\\s+\\w+\\s+'${path.replace(/[.]/g, '\\.')}'\\s*=\\s*\\{`).exec(main.text);
  if (declaration === null) throw new Error(`main.bicep declares no module from ${path}`);
  const body = blockAt(main.text, declaration.index + declaration[0].length - 1);
  return topLevelEntries(blockAt(entry(body, 'params'), 0));
}

const ParametersFileSchema = z.object({
  parameters: z.record(z.string(), z.object({ value: z.unknown() })),
});

const AzureYamlSchema = z.object({
  name: z.string().min(1),
  services: z.record(
    z.string(),
    z.object({ project: z.string(), language: z.string(), host: z.string() }),
  ),
});

function azureYaml(): z.infer<typeof AzureYamlSchema> {
  return AzureYamlSchema.parse(parse(readFileSync(join(ROOT, 'azure.yaml'), 'utf8')));
}

const azureSettings = Object.entries(SETTINGS)
  .filter(([, where]) => where === 'azure')
  .map(([name]) => name);

describe('The Bicep under infra/', () => {
  it('is there to be read', () => {
    expect(files.map((file) => relative(ROOT, file.path))).toContain(join('infra', 'main.bicep'));
  });

  describe('app settings', () => {
    let names: string[] = [];
    beforeAll(() => {
      names = appSettingNames();
    });

    it.each(azureSettings)('sets %s, which src/config.ts says the deployment sets', (setting) => {
      expect(names).toContain(setting);
    });

    it('sets nothing the app does not read, beyond the platform\'s own settings', () => {
      const unread = names.filter(
        (name) => !azureSettings.includes(name) && !PLATFORM_SETTINGS.has(name) && !IDENTITY_BASED_HOST_STORAGE.test(name),
      );
      expect(unread).toEqual([]);
    });

    it('connects the Functions host to storage as the managed identity, not with a key', () => {
      expect(names).toEqual(expect.arrayContaining(['AzureWebJobsStorage__accountName', 'AzureWebJobsStorage__credential', 'AzureWebJobsStorage__clientId']));
      expect(names).not.toContain('AzureWebJobsStorage');
    });

    it("holds the Functions host's request body limit to the app's own (MAX_BODY_BYTES)", () => {
      const settings = appSettings();
      expect(settings.get('FUNCTIONS_REQUEST_BODY_SIZE_LIMIT')).toBeDefined();
      expect(settings.get('FUNCTIONS_REQUEST_BODY_SIZE_LIMIT')).toBe(settings.get('MAX_BODY_BYTES'));
    });

    it('sets none of the settings that Flex Consumption has deprecated', () => {
      expect(names.filter((name) => FLEX_DEPRECATED_SETTINGS.includes(name))).toEqual([]);
    });
  });

  it('runs Node 22 on a Flex Consumption plan', () => {
    const sku = entry(onlyResource('Microsoft.Web/serverfarms').body, 'sku');
    expect(entry(sku, 'name')).toBe("'FC1'");
    expect(entry(sku, 'tier')).toBe("'FlexConsumption'");

    const site = onlyResource('Microsoft.Web/sites').body;
    expect(entry(site, 'kind')).toBe("'functionapp,linux'");
    const functionAppConfig = entry(entry(site, 'properties'), 'functionAppConfig');
    const runtime = entry(functionAppConfig, 'runtime');
    expect(entry(runtime, 'name')).toBe("'node'");
    expect(entry(runtime, 'version')).toBe(`'${String(AZURE_NODE_MAJOR)}'`);
    const storage = entry(entry(functionAppConfig, 'deployment'), 'storage');
    expect(entry(storage, 'type')).toBe("'blobContainer'");
    expect(entry(entry(storage, 'authentication'), 'type')).toBe("'UserAssignedIdentity'");
  });

  it("points the bot at the Function App's /api/messages endpoint, as its managed identity", () => {
    const properties = entry(onlyResource('Microsoft.BotService/botServices').body, 'properties');
    expect(entry(properties, 'endpoint')).toMatch(/^'https:\/\/\$\{\w+\.properties\.defaultHostName\}\/api\/messages'$/);
    expect(entry(properties, 'msaAppType')).toBe("'UserAssignedMSI'");
  });

  it('connects the bot to Teams and to a Direct Line 3.0 site', () => {
    const channels = resources.filter((resource) => !resource.existing && /(^|\/)channels(@|$)/.test(resource.type));
    const byName = new Map(channels.map((channel) => [entry(channel.body, 'name'), channel.body]));
    expect([...byName.keys()].sort()).toEqual(["'DirectLineChannel'", "'MsTeamsChannel'"]);
    const directLine = entry(entry(byName.get("'DirectLineChannel'") ?? '', 'properties'), 'properties');
    const site = blockAt(entry(directLine, 'sites'), 0);
    expect(entry(site, 'isV3Enabled')).toBe('true');
  });

  it("tags the Function App with the name of the service azure.yaml deploys to it", () => {
    const { services } = azureYaml();
    expect(Object.values(services)).toEqual([{ project: '.', language: 'ts', host: 'function' }]);

    const tagged = [...files.flatMap((file) => [...file.text.matchAll(/'azd-service-name'\s*:\s*'([^']+)'/g)])].map((match) => match[1]);
    expect(tagged).toEqual(Object.keys(services));
    expect(onlyResource('Microsoft.Web/sites').body).toMatch(/'azd-service-name'\s*:\s*'[^']+'/);
  });

  describe('parameters', () => {
    it('main.bicep passes every parameter of the settings module, so that none is stuck at a module default', () => {
      const passed = [...moduleParams('modules/appSettings.bicep').keys()];
      expect(parameterNames(bicepFile('modules/appSettings.bicep')).filter((name) => !passed.includes(name))).toEqual([]);
    });

    it('lets ALLOWED_ORIGINS be set from the azd environment, empty when it is not set', () => {
      expect(parameterNames(bicepFile('main.bicep'))).toContain('allowedOrigins');
      expect(moduleParams('modules/appSettings.bicep').get('allowedOrigins')).toBe('allowedOrigins');
      const { parameters } = ParametersFileSchema.parse(JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')));
      expect(parameters.allowedOrigins?.value).toBe('${ALLOWED_ORIGINS=}');
      expect(appSettings().get('ALLOWED_ORIGINS')).toBe('allowedOrigins');
    });

    it('maps every entry of main.parameters.json to a parameter of main.bicep', () => {
      const { parameters } = ParametersFileSchema.parse(JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')));
      const declared = parameterNames(bicepFile('main.bicep'));
      expect(Object.keys(parameters).filter((name) => !declared.includes(name))).toEqual([]);
    });
  });

  it("reads the Direct Line secret from the Web Chat site's key in listChannelWithKeys' `setting`, as typed for 2022-09-15", () => {
    const secret = appSettings().get('DIRECT_LINE_SECRET') ?? '';
    expect(secret).toMatch(/^\w+::directLine\.listChannelWithKeys\(\)\.setting\.sites\[0\]\.key$/);
    const channel = resources.find((resource) => resource.existing && resource.type.startsWith('Microsoft.BotService/botServices@'));
    expect(channel?.type).toBe('Microsoft.BotService/botServices@2022-09-15');
    const sites = blockAt(entry(entry(entry(onlyResourceNamed("'DirectLineChannel'"), 'properties'), 'properties'), 'sites'), 0);
    // sites[0] is the only site: a second one would make the index ambiguous.
    expect(sites.match(/siteName\s*:/g)).toHaveLength(1);
  });

  it('outputs no secret', () => {
    const outputs = files.flatMap((file) => [...file.text.matchAll(/^output\s+(\w+)\s+\w+\s*=\s*(.+)$/gm)]);
    expect(outputs.length).toBeGreaterThan(0);
    const leaks = outputs
      .filter(([, name = '', value = '']) => /secret|password|key|salt|connection/i.test(name) || /\blist\w*\(|hashSalt/.test(value))
      .map(([line]) => line);
    expect(leaks).toEqual([]);
  });
});
