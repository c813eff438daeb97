import { join } from 'node:path';
import { AppManifestUtils, type TeamsManifestV1D30 } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { z } from 'zod';

/**
 * The Teams app package, as pure functions: fill `appPackage/manifest.template.json` from
 * validated inputs, check the result against Microsoft's published schema, and zip it with the
 * icons. `package.ts` does the reading and writing; tests call these directly.
 */

/** The newest manifest version whose schema `@microsoft/app-manifest` 1.1.2 ships (it has v1.0 to v1.30). */
export const MANIFEST_VERSION = '1.30';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export type TeamsManifest = TeamsManifestV1D30.TeamsManifestV1D30;

// The package resolves a developer.microsoft.com schema URL to this file and fetches from the
// network only when the file is missing; resolving it first keeps validation offline and makes
// a package without this version fail loudly instead of downloading something else.
const SHIPPED_SCHEMA = `@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

export const APP_PACKAGE_DIR = join(__dirname, '..', '..', 'appPackage');
export const TEMPLATE_FILE = 'manifest.template.json';
export const MANIFEST_FILE = 'manifest.json';

/** Bad arguments or settings: the user's to fix, so the message names the flag and the variable. */
export class PackageInputError extends Error {
  override readonly name = 'PackageInputError';
}

/** The filled manifest breaks the schema: the template's author's to fix. */
export class ManifestInvalidError extends Error {
  override readonly name = 'ManifestInvalidError';

  constructor(readonly failures: readonly string[]) {
    super(`The manifest does not match the v${MANIFEST_VERSION} schema:\n${failures.map((failure) => `  ${failure}`).join('\n')}`);
  }
}

/** Says "is missing" for an absent value and what was expected otherwise. */
function expected(what: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'is missing' : `must be ${what}, not ${JSON.stringify(issue.input)}`);
}

// MAJOR.MINOR.PATCH with no leading zeros: the manifest schema's own `semver` definition, which
// has no pre-release or build suffix, and Teams only ever moves an app's version forward.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
// A DNS name of two or more labels: Teams matches validDomains against bare host names, so a
// scheme, port or path here would never match.
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** What varies between deployments; everything else is in the template. */
export const PackageInputsSchema = z
  .object({
    botId: z.guid({ error: expected("a GUID (the bot's Microsoft App Id)") }),
    // Teams identifies the app by this id, separately from the bot's; defaulting to the bot's
    // keeps it stable across versions without another setting to manage.
    appId: z.guid({ error: expected('a GUID') }).optional(),
    version: z.string({ error: expected('a version') }).regex(SEMVER, { error: expected('MAJOR.MINOR.PATCH, such as 1.0.0') }),
    domain: z
      .string({ error: expected('a host name') })
      .trim()
      .toLowerCase()
      .regex(HOSTNAME, { error: expected('a bare host name such as cloudbot.azurewebsites.net, without https:// or a path') }),
  })
  .transform(({ appId, ...inputs }) => ({ ...inputs, appId: appId ?? inputs.botId }));
export type PackageInputs = z.output<typeof PackageInputsSchema>;

/** The template's placeholders, `${{NAME}}`, and the input each one takes. */
export function placeholderValues(inputs: PackageInputs): Readonly<Record<string, string>> {
  return {
    TEAMS_APP_ID: inputs.appId,
    BOT_ID: inputs.botId,
    APP_VERSION: inputs.version,
    BOT_DOMAIN: inputs.domain,
  };
}

const PLACEHOLDER = /\$\{\{(\w+)\}\}/g;
// The template is a few levels deep; the limit only stops a malformed one from recursing forever.
const MAX_TEMPLATE_DEPTH = 32;

function substitute(value: unknown, values: Readonly<Record<string, string>>, depth: number): unknown {
  if (depth > MAX_TEMPLATE_DEPTH) throw new Error(`The manifest template is nested more than ${MAX_TEMPLATE_DEPTH} levels deep.`);
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (placeholder, name: string) => {
      const replacement = values[name];
      if (replacement === undefined) throw new Error(`The manifest template uses ${placeholder}, which no input fills.`);
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, values, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, values, depth + 1)]));
  }
  return value;
}

/**
 * Parses the template and replaces each `${{NAME}}` inside its strings. Values are substituted
 * after parsing, not into the JSON text, so no input can change the manifest's structure.
 */
export function fillTemplate(templateText: string, inputs: PackageInputs): unknown {
  const template: unknown = JSON.parse(templateText);
  return substitute(template, placeholderValues(inputs), 0);
}

// Only selects the schema: validateManifest's schema check is what decides whether it is valid.
function declaresOurVersion(value: unknown): value is TeamsManifest {
  return (
    typeof value === 'object' &&
    value !== null &&
    'manifestVersion' in value &&
    value.manifestVersion === MANIFEST_VERSION &&
    '$schema' in value &&
    value.$schema === MANIFEST_SCHEMA_URL
  );
}

/**
 * Checks a manifest against the official v1.30 JSON schema that `@microsoft/app-manifest`
 * ships, offline. Returns one line per failure, empty when the manifest is valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (!declaresOurVersion(manifest)) {
    return [`must declare manifestVersion "${MANIFEST_VERSION}" and $schema ${MANIFEST_SCHEMA_URL}`];
  }
  try {
    require.resolve(SHIPPED_SCHEMA);
  } catch {
    throw new Error(`The installed @microsoft/app-manifest does not ship the v${MANIFEST_VERSION} schema (${SHIPPED_SCHEMA}).`);
  }
  return AppManifestUtils.validateAgainstSchema(manifest);
}

/** Fills the template and returns the manifest only if the official schema accepts it. */
export async function buildManifest(templateText: string, inputs: PackageInputs): Promise<TeamsManifest> {
  const manifest = fillTemplate(templateText, inputs);
  const failures = await validateManifest(manifest);
  if (failures.length > 0 || !declaresOurVersion(manifest)) throw new ManifestInvalidError(failures);
  return manifest;
}

/**
 * The app package Teams accepts: manifest.json and the two icons it names, all at the zip's
 * root (Teams rejects a package whose files sit in a folder).
 */
export async function zipAppPackage(files: { manifest: TeamsManifest; colorPng: Buffer; outlinePng: Buffer }): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(MANIFEST_FILE, `${JSON.stringify(files.manifest, null, 2)}\n`);
  zip.file(files.manifest.icons.color, files.colorPng);
  zip.file(files.manifest.icons.outline, files.outlinePng);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
