import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { ACCENT_RGB, COLOR_ICON_SIZE, OUTLINE_ICON_SIZE, drawColorIcon, drawOutlineIcon } from '../../scripts/teams/icons';
import {
  APP_PACKAGE_DIR,
  MANIFEST_SCHEMA_URL,
  MANIFEST_VERSION,
  ManifestInvalidError,
  PackageInputError,
  TEMPLATE_FILE,
  buildManifest,
  fillTemplate,
  validateManifest,
  zipAppPackage,
  type PackageInputs,
  type TeamsManifest,
} from '../../scripts/teams/manifest';
import { readPackageInputs } from '../../scripts/teams/package';
import { realAnswerer } from '../support/knowledge';

// @microsoft/app-manifest requires strip-bom 5, which is ESM only. Node 20 can require it, so the
// script runs, but Jest's module loader cannot before Node 24.9. The package uses it only in its
// file-reading helpers, which nothing here calls; an equivalent stands in for it while it loads.
jest.mock(require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }), () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const BOT_ID = '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60';
const inputs: PackageInputs = {
  botId: BOT_ID,
  appId: BOT_ID,
  version: '1.2.3',
  domain: 'cloudbot-test.azurewebsites.net',
};
const template = readFileSync(join(APP_PACKAGE_DIR, TEMPLATE_FILE), 'utf8');
const readIcon = (file: string): Buffer => readFileSync(join(APP_PACKAGE_DIR, file));

/** The template with one exact piece of text replaced; fails if that text is gone, so no case passes vacuously. */
function templateWith(from: string, to: string): string {
  expect(template).toContain(from);
  return template.replace(from, to);
}

/** The bot's command lists, which every manifest built from the template has. */
function commandLists(manifest: TeamsManifest): { scopes: string[]; commands: { title: string; description?: string }[] }[] {
  return manifest.bots?.[0]?.commandLists ?? [];
}

describe('the Teams app manifest', () => {
  let manifest: TeamsManifest;

  beforeAll(async () => {
    manifest = await buildManifest(template, inputs);
  });

  describe('against the official schema shipped in @microsoft/app-manifest', () => {
    it(`declares manifest v${MANIFEST_VERSION} and its schema URL`, () => {
      expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
      expect(manifest.$schema).toBe(MANIFEST_SCHEMA_URL);
    });

    it('is valid when built from the template', async () => {
      await expect(validateManifest(manifest)).resolves.toEqual([]);
    });

    it('is invalid without a bot id', async () => {
      const failures = await validateManifest(fillTemplate(templateWith('"botId": "${{BOT_ID}}",', ''), inputs));
      expect(failures.join('\n')).toMatch(/\/bots\/0 must have required property 'botId'/);
    });

    it('is invalid with a scope Teams does not have', async () => {
      const broken = templateWith('"scopes": ["personal", "team", "groupChat"]', '"scopes": ["personal", "channel"]');
      const failures = await validateManifest(fillTemplate(broken, inputs));
      expect(failures.join('\n')).toMatch(/\/bots\/0\/scopes\/1 must be equal to one of the allowed values/);
    });

    it('is invalid with a bot id that is not a GUID, which only the schema catches once inputs are bypassed', async () => {
      const failures = await validateManifest(fillTemplate(template, { ...inputs, botId: 'cloudbot' }));
      expect(failures.join('\n')).toMatch(/\/bots\/0\/botId must match pattern/);
    });

    it('refuses to build an invalid manifest, listing what is wrong', async () => {
      const broken = templateWith('"accentColor": "#0F6CBD"', '"accentColor": "blue"');
      await expect(buildManifest(broken, inputs)).rejects.toThrow(ManifestInvalidError);
      await expect(buildManifest(broken, inputs)).rejects.toThrow(/accentColor/);
    });

    it('is not checked against some other version', async () => {
      const failures = await validateManifest(fillTemplate(templateWith('"manifestVersion": "1.30"', '"manifestVersion": "1.19"'), inputs));
      expect(failures).toEqual([expect.stringContaining(`"${MANIFEST_VERSION}"`)]);
    });
  });

  describe('template', () => {
    it('hard-codes no GUID: both ids come from the inputs', () => {
      expect(template).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      for (const placeholder of ['${{TEAMS_APP_ID}}', '${{BOT_ID}}', '${{APP_VERSION}}', '${{BOT_DOMAIN}}']) {
        expect(template).toContain(placeholder);
      }
    });

    it('fills the app id, bot id, version and valid domain from the inputs', () => {
      const other = { ...inputs, appId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };
      const filled = JSON.stringify(fillTemplate(template, other));
      expect(filled).not.toContain('${{');
      expect(filled).toContain(`"id":"${other.appId}"`);
      expect(filled).toContain(`"botId":"${BOT_ID}"`);
      expect(filled).toContain('"version":"1.2.3"');
      expect(filled).toContain('"validDomains":["cloudbot-test.azurewebsites.net"]');
    });

    it('rejects a placeholder no input fills, rather than shipping it', () => {
      expect(() => fillTemplate(templateWith('"CloudBot course team"', '"${{DEVELOPER}}"'), inputs)).toThrow(/\$\{\{DEVELOPER\}\}/);
    });

    it('cannot be restructured by an input, since values are substituted after parsing', () => {
      const filled = fillTemplate(template, { ...inputs, domain: 'x", "injected": "y' });
      expect(JSON.stringify(filled)).not.toContain('"injected":');
    });
  });

  describe('bot', () => {
    it('is offered in exactly personal, team and groupChat, and takes no files', () => {
      const bot = manifest.bots?.[0];
      expect(manifest.bots).toHaveLength(1);
      expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
      expect(bot?.supportsFiles).toBe(false);
    });

    it('has one command list for each of its scopes, the lecture\'s commands in each, and the teaching team\'s only where they work', () => {
      const lists = commandLists(manifest);
      expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
      const [personal, team, group] = lists.map((list) => list.commands.map((command) => command.title));
      // "my questions" lists a student's own tickets, asked in their personal chat; "open questions"
      // is for staff, in the team whose channel receives the tickets.
      expect(personal).toEqual([...(group ?? []), 'my questions']);
      expect(team).toEqual([...(group ?? []), 'open questions']);
    });

    // Newer schemas allow 12 commands of 128 characters, but Teams' command menu documents 10
    // commands a list and titles of up to 32 characters (the v1.19 schema's limits), so keep to those.
    it("keeps within Teams' command menu limits: at most 10 a list, titles of at most 32 characters", () => {
      for (const list of commandLists(manifest)) {
        expect(list.commands.length).toBeGreaterThan(0);
        expect(list.commands.length).toBeLessThanOrEqual(10);
        for (const command of list.commands) {
          expect(command.title.length).toBeLessThanOrEqual(32);
          expect(command.description?.length ?? 0).toBeLessThanOrEqual(128);
        }
      }
    });

    // A command is sent as the user's message, so each must reach the topic it names.
    it.each([
      ['help', 'smalltalk.help'],
      ['What is the cloud?', 'cloud-computing'],
      ['Public vs private vs hybrid', 'deployment-models'],
      ['Why use the cloud?', 'benefits'],
      ['Why not use the cloud?', 'drawbacks'],
      ['IaaS, PaaS and SaaS', 'service-models'],
    ])('offers "%s", which the bot answers with %s', (title, id) => {
      expect(commandLists(manifest)[0]?.commands.map((command) => command.title)).toContain(title);
      expect(realAnswerer().answerQuestion(title).id).toBe(id);
    });
  });
});

describe('the package inputs', () => {
  const env = { MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'CloudBot.AzureWebsites.net' };

  it('fall back to MicrosoftAppId, BOT_DOMAIN and the package version, with the app id defaulting to the bot id', () => {
    expect(readPackageInputs([], env, '1.0.0')).toEqual({
      botId: BOT_ID,
      appId: BOT_ID,
      version: '1.0.0',
      domain: 'cloudbot.azurewebsites.net',
    });
  });

  it('take flags over the environment', () => {
    const appId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const args = ['--domain', 'other.example.org', '--version', '2.0.1', '--app-id', appId];
    expect(readPackageInputs(args, { ...env, TEAMS_APP_VERSION: '9.9.9' }, '1.0.0')).toMatchObject({
      domain: 'other.example.org',
      version: '2.0.1',
      appId,
    });
  });

  it('treat a blank variable as unset and say what is missing', () => {
    expect(() => readPackageInputs([], { MicrosoftAppId: ' ' }, '1.0.0')).toThrow(
      /--bot-id \(or MicrosoftAppId\): is missing[\s\S]*--domain \(or BOT_DOMAIN\): is missing/,
    );
  });

  it.each([
    [['--bot-id', 'my-bot'], /--bot-id \(or MicrosoftAppId\): must be a GUID/],
    [['--domain', 'https://cloudbot.azurewebsites.net/api/messages'], /--domain \(or BOT_DOMAIN\): must be a bare host name/],
    [['--domain', 'localhost'], /--domain \(or BOT_DOMAIN\): must be a bare host name/],
    [['--version', '1.0'], /--version \(or TEAMS_APP_VERSION\): must be MAJOR\.MINOR\.PATCH/],
    [['--version', '1.0.0-beta.1'], /--version \(or TEAMS_APP_VERSION\): must be MAJOR\.MINOR\.PATCH/],
    [['--app-id', 'x'], /--app-id \(or TEAMS_APP_ID\): must be a GUID/],
    [['--bot-ID', BOT_ID], /Unknown option '--bot-ID'[\s\S]*Usage:/],
    [['--bot-id'], /argument missing[\s\S]*Usage:/],
  ])('reject %j, naming the flag and its variable', (args, message) => {
    expect(() => readPackageInputs(args, env, '1.0.0')).toThrow(PackageInputError);
    expect(() => readPackageInputs(args, env, '1.0.0')).toThrow(message);
  });
});

describe('the icons', () => {
  const color = PNG.sync.read(readIcon('color.png'));
  const outline = PNG.sync.read(readIcon('outline.png'));

  /** Each pixel's [r, g, b, a]. */
  function pixels(png: PNG): number[][] {
    return Array.from({ length: png.width * png.height }, (_, index) => [...png.data.subarray(index * 4, index * 4 + 4)]);
  }

  it('are 192×192 in colour and 32×32 in outline', () => {
    expect([color.width, color.height]).toEqual([COLOR_ICON_SIZE, COLOR_ICON_SIZE]);
    expect([outline.width, outline.height]).toEqual([OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE]);
    expect([COLOR_ICON_SIZE, OUTLINE_ICON_SIZE]).toEqual([192, 32]);
  });

  it('draw the outline in white on a transparent background and nothing else', () => {
    const all = pixels(outline);
    const stray = all.filter(([r, g, b, a]) => a !== 0 && !(r === 255 && g === 255 && b === 255));
    expect(stray).toEqual([]);
    expect(all.some(([, , , a]) => a === 255)).toBe(true);
    expect(all.some(([, , , a]) => a === 0)).toBe(true);
  });

  it('fill the colour icon to its edges in the manifest accent colour', async () => {
    const all = pixels(color);
    expect(all.every(([, , , a]) => a === 255)).toBe(true);
    expect(all[0]).toEqual([...ACCENT_RGB, 255]);
    const hex = `#${ACCENT_RGB.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
    expect((await buildManifest(template, inputs)).accentColor.toLowerCase()).toBe(hex);
    expect(all.some(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
  });

  it('are what scripts/teams/icons.ts draws, so the committed files are not stale', () => {
    expect(color.data.equals(drawColorIcon().data)).toBe(true);
    expect(outline.data.equals(drawOutlineIcon().data)).toBe(true);
  });
});

describe('the app package', () => {
  it('is a zip of exactly manifest.json, color.png and outline.png at its root', async () => {
    const manifest = await buildManifest(template, inputs);
    const colorPng = readIcon('color.png');
    const outlinePng = readIcon('outline.png');
    const zip = await JSZip.loadAsync(await zipAppPackage({ manifest, colorPng, outlinePng }));

    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifestJson: unknown = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? 'null');
    expect(manifestJson).toEqual(manifest);
    expect((await zip.file('color.png')?.async('nodebuffer'))?.equals(colorPng)).toBe(true);
    expect((await zip.file('outline.png')?.async('nodebuffer'))?.equals(outlinePng)).toBe(true);
  });
});
