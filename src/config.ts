import { z } from 'zod';
import { ConfigError } from './errors';

/**
 * Every setting the app reads, validated once. Names follow Azure conventions: the four
 * `MicrosoftApp*` settings are the ones the Bot Framework SDK and the Azure Bot resource use.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const EnvSchema = z
  .object({
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    // The local server listens on loopback only; set 0.0.0.0 to reach it from another machine.
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(64 * 1024),
    MAX_MESSAGE_CHARS: z.coerce.number().int().min(16).max(10_000).default(500),
  })
  .superRefine((env, ctx) => {
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
  return { ok: true, config: Object.freeze({ ...parsed.data, unauthenticated: !parsed.data.MicrosoftAppId }) };
}

/** Validates an environment and throws a `ConfigError` naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const result = checkConfig(env);
  if (!result.ok) throw new ConfigError(`Invalid configuration: ${result.problems.join('; ')}`);
  return result.config;
}

let cached: ConfigCheck | undefined;

/** The process's configuration check, read from `process.env` exactly once per instance. */
export function processConfig(): ConfigCheck {
  cached ??= checkConfig(process.env);
  return cached;
}
