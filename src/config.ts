import { z } from 'zod';
import { ConfigError } from './errors';
import { LOG_LEVELS } from './logger';

/**
 * Every setting the app reads, validated once. Names follow Azure conventions: the four
 * `MicrosoftApp*` settings are the ones the Bot Framework SDK and the Azure Bot resource use.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A bare host name, with a port or without, and nothing else: no scheme, path or credentials. */
function isHost(value: string): boolean {
  try {
    return new URL(`https://${value}`).host === value.toLowerCase();
  } catch {
    return false;
  }
}

const EnvSchema = z
  .object({
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    // The local server listens on loopback only; set 0.0.0.0 to reach it from another machine.
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    // What the local server prints: debug adds routine events, such as a client that went away.
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(64 * 1024),
    MAX_MESSAGE_CHARS: z.coerce.number().int().min(16).max(10_000).default(500),
    // Conversation and user state. A dedicated account wins over the Function App's own.
    STATE_STORAGE_CONNECTION_STRING: optionalText,
    AzureWebJobsStorage: optionalText,
    STATE_CONTAINER: z.string().trim().regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'must be a valid blob container name').default('cloudbot-state'),
    // Feedback and unanswered questions, in one table with one partition each.
    RECORDS_TABLE: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, 'must be a valid table name').default('cloudbotrecords'),
    RECORD_QUESTIONS: z.stringbool().default(true),
    // Salt for the hashes that replace user and conversation ids in records.
    HASH_SALT: optionalText,
    // Every storage call is bounded, so that a turn never outlives the channel's 15 s.
    STORAGE_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(2000),
    // Web Chat in production: exchanged for a token server-side, never sent to the browser.
    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_ENDPOINT: z.url().default('https://directline.botframework.com'),
    // Other sites that may embed the chat and ask for tokens; the app's own origin always may.
    ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''))
      .pipe(z.array(z.url().refine((origin) => new URL(origin).origin === origin, 'must be bare origins such as https://example.org'))),
    // "Ask the teaching team": the Teams channel that receives students' questions (its id,
    // 19:…@thread.tacv2), and the Bot Connector base URL of the team's region. Without a channel,
    // the offer is off in Azure; locally the /staff page stands in for the channel.
    STAFF_TEAMS_CHANNEL_ID: optionalText.refine((id) => id === undefined || /^19:[\w.@-]+$/.test(id), 'must be a Teams channel id such as 19:abc@thread.tacv2'),
    STAFF_TEAMS_SERVICE_URL: z.url().default('https://smba.trafficmanager.net/teams/'),
    // Who counts as staff: Entra object ids, comma-separated. They may take and answer tickets and
    // open the dashboard, whose sign-in is App Service authentication in front of the app.
    STAFF_USER_IDS: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((id) => id.trim().toLowerCase()).filter((id) => id !== ''))
      .pipe(z.array(z.uuid('must be Entra object ids (GUIDs), comma-separated'))),
    // Tickets and the conversation references that answer them, one blob each.
    TICKETS_CONTAINER: z.string().trim().regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'must be a valid blob container name').default('cloudbot-tickets'),
    // Set by App Service to "True" while its authentication (Easy Auth) is on: only then does the
    // platform strip a client's own x-ms-client-principal header, so only then can the staff
    // dashboard trust it (see src/web/dashboard/staffAccess.ts).
    WEBSITE_AUTH_ENABLED: z.stringbool().default(false),
    // Set by Azure App Service and Functions on every instance: how the app knows it is in Azure.
    WEBSITE_INSTANCE_ID: optionalText,
    // Set by Azure to the app's public host name: where citations link to the lecture page, and
    // the origin the token endpoint treats as the app's own (the request URL may name an internal host).
    // (Core Tools sets it too, to localhost and its port.)
    WEBSITE_HOSTNAME: optionalText.refine((host) => host === undefined || isHost(host), 'must be a host name such as cloudbot.azurewebsites.net'),
  })
  .superRefine((env, ctx) => {
    if (env.WEBSITE_INSTANCE_ID) {
      // In Azure, missing settings are configuration errors at start, not surprises later.
      if (!env.MicrosoftAppId) {
        ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'is required when running in Azure: the endpoint must not be open' });
      }
      if (!env.STATE_STORAGE_CONNECTION_STRING && !env.AzureWebJobsStorage) {
        ctx.addIssue({
          code: 'custom',
          path: ['STATE_STORAGE_CONNECTION_STRING'],
          message: 'or AzureWebJobsStorage is required when running in Azure: state cannot live in one instance\'s memory',
        });
      }
      if (env.RECORD_QUESTIONS && !env.HASH_SALT) {
        ctx.addIssue({ code: 'custom', path: ['HASH_SALT'], message: 'is required in Azure while RECORD_QUESTIONS is on' });
      }
    }
    if (!env.MicrosoftAppId) return;
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: `is required when MicrosoftAppId is set and MicrosoftAppType is ${env.MicrosoftAppType}`,
      });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}`,
      });
    }
  });

export type Config = Readonly<z.infer<typeof EnvSchema>> & {
  /** True when no app id is set: the bot accepts unauthenticated requests (Emulator, local use). */
  readonly unauthenticated: boolean;
  /** The storage account for state and records, if any; without one, state is in memory. */
  readonly storageConnectionString: string | undefined;
  /** The lecture page that citations link to: the Function App's in Azure, the local server's otherwise. */
  readonly lectureUrl: string;
  /** The app's public origin in Azure (`https://` and `WEBSITE_HOSTNAME`); undefined elsewhere. */
  readonly publicOrigin: string | undefined;
  /** The local server's origin, the one host name that `npm start` prints and citations link to locally. */
  readonly localOrigin: string;
  /** Where "Ask the teaching team" posts questions, or why it is off (see `staffDesk`). */
  readonly staff: StaffDesk;
};

/**
 * Where students' questions for the teaching team go: a Teams channel in Azure, the local `/staff`
 * page in local runs, or nowhere, with the reason to log once at start.
 */
export type StaffDesk =
  | { mode: 'teams'; channelId: string; serviceUrl: string; tenantId: string | undefined; staffIds: readonly string[] }
  | { mode: 'local' }
  | { mode: 'off'; reason: string };

function staffDesk(env: z.infer<typeof EnvSchema>): StaffDesk {
  // A student's question goes to people: with recording off, nothing a student types is kept.
  if (!env.RECORD_QUESTIONS) return { mode: 'off', reason: 'RECORD_QUESTIONS is false, which turns tickets off too' };
  if (env.STAFF_TEAMS_CHANNEL_ID) {
    return { mode: 'teams', channelId: env.STAFF_TEAMS_CHANNEL_ID, serviceUrl: env.STAFF_TEAMS_SERVICE_URL, tenantId: env.MicrosoftAppTenantId, staffIds: env.STAFF_USER_IDS };
  }
  if (env.WEBSITE_INSTANCE_ID) return { mode: 'off', reason: 'STAFF_TEAMS_CHANNEL_ID is not set' };
  return { mode: 'local' };
}

/**
 * Every setting the app reads, and where it must be set. `azure`: the deployment sets it;
 * `platform`: Azure sets it itself; `local`: only the local server reads it; `secretless`: not
 * needed in Azure, where the bot authenticates as its user-assigned managed identity.
 */
export const SETTINGS: Readonly<Record<keyof z.infer<typeof EnvSchema>, 'azure' | 'platform' | 'local' | 'secretless'>> = {
  MicrosoftAppId: 'azure',
  MicrosoftAppPassword: 'secretless',
  MicrosoftAppType: 'azure',
  MicrosoftAppTenantId: 'azure',
  PORT: 'local',
  HOST: 'local',
  LOG_LEVEL: 'local',
  MAX_BODY_BYTES: 'azure',
  MAX_MESSAGE_CHARS: 'azure',
  STATE_STORAGE_CONNECTION_STRING: 'azure',
  AzureWebJobsStorage: 'platform',
  STATE_CONTAINER: 'azure',
  RECORDS_TABLE: 'azure',
  RECORD_QUESTIONS: 'azure',
  HASH_SALT: 'azure',
  STORAGE_TIMEOUT_MS: 'azure',
  DIRECT_LINE_SECRET: 'azure',
  DIRECT_LINE_ENDPOINT: 'azure',
  ALLOWED_ORIGINS: 'azure',
  STAFF_TEAMS_CHANNEL_ID: 'azure',
  STAFF_TEAMS_SERVICE_URL: 'azure',
  STAFF_USER_IDS: 'azure',
  TICKETS_CONTAINER: 'azure',
  WEBSITE_AUTH_ENABLED: 'platform',
  WEBSITE_INSTANCE_ID: 'platform',
  WEBSITE_HOSTNAME: 'platform',
};

export type ConfigCheck = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Validates an environment without throwing, so that `/api/health` can report a bad configuration. */
export function checkConfig(env: NodeJS.ProcessEnv): ConfigCheck {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`),
    };
  }
  const data = parsed.data;
  // Azure serves the app over HTTPS and names only its host. Core Tools (`func start`) also sets
  // WEBSITE_HOSTNAME, to localhost over HTTP, where the request's own URL is already the app's origin.
  const publicOrigin = data.WEBSITE_INSTANCE_ID && data.WEBSITE_HOSTNAME ? `https://${data.WEBSITE_HOSTNAME}` : undefined;
  const functionsOrigin = publicOrigin ?? (data.WEBSITE_HOSTNAME ? `http://${data.WEBSITE_HOSTNAME}` : undefined);
  const localOrigin = `http://${linkHost(data.HOST)}:${String(data.PORT)}`;
  return {
    ok: true,
    config: Object.freeze({
      ...data,
      unauthenticated: !data.MicrosoftAppId,
      storageConnectionString: data.STATE_STORAGE_CONNECTION_STRING ?? data.AzureWebJobsStorage,
      lectureUrl: functionsOrigin ? `${functionsOrigin}/api/lecture` : `${localOrigin}/lecture`,
      publicOrigin,
      localOrigin,
      staff: staffDesk(data),
    }),
  };
}

/**
 * The host name for links to the local server: the address it listens on, which a browser on the
 * same machine reaches as it is. Not "localhost", which may resolve to IPv6 where the server is
 * not listening; a wildcard address becomes the loopback address of its family.
 */
function linkHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** Validates an environment and throws a `ConfigError` naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  return configOf(checkConfig(env));
}

/** A check's configuration, or a `ConfigError` naming every bad variable. */
export function configOf(check: ConfigCheck): Config {
  if (!check.ok) throw new ConfigError(`Invalid configuration: ${check.problems.join('; ')}`);
  return check.config;
}

let cached: ConfigCheck | undefined;

/** The process's configuration check, read from `process.env` exactly once per instance. */
export function processConfig(): ConfigCheck {
  cached ??= checkConfig(process.env);
  return cached;
}

/**
 * The process's configuration, for command-line tools that should stop at once when it is bad;
 * throws a `ConfigError` naming every bad variable.
 */
export function loadProcessConfig(): Config {
  return configOf(processConfig());
}
