import { z } from 'zod';

/**
 * Who may open the staff dashboard. In Azure, App Service authentication ("Easy Auth") signs
 * people in with Entra ID in front of the app and hands it the signed-in principal in the
 * `x-ms-client-principal` header, which App Service sets itself and removes from incoming
 * requests; the app lets in only the object ids in `STAFF_USER_IDS`. Locally, the server listens
 * on loopback and the dashboard is open.
 */
export type DashboardAccess = { mode: 'open' } | { mode: 'staff'; staffIds: readonly string[] } | { mode: 'off'; reason: string };

/** The settings that decide access, as `src/config.ts` parsed them. */
export interface AccessSettings {
  WEBSITE_INSTANCE_ID?: string | undefined;
  /** App Service authentication is on: the principal header is the platform's, not the client's. */
  WEBSITE_AUTH_ENABLED?: boolean;
  /** Entra object ids, lower-cased. */
  STAFF_USER_IDS: readonly string[];
}

export function dashboardAccess(settings: AccessSettings): DashboardAccess {
  if (settings.WEBSITE_INSTANCE_ID === undefined) return { mode: 'open' };
  if (settings.STAFF_USER_IDS.length === 0) return { mode: 'off', reason: 'STAFF_USER_IDS is empty, so no one counts as staff' };
  // Without the platform's sign-in in front, anyone could send the principal header themselves.
  if (settings.WEBSITE_AUTH_ENABLED !== true) return { mode: 'off', reason: 'App Service authentication is not on (staffSignInClientId in the Bicep), so no sign-in can be trusted' };
  return { mode: 'staff', staffIds: settings.STAFF_USER_IDS };
}

export const CLIENT_PRINCIPAL_HEADER = 'x-ms-client-principal';
export const OBJECT_ID_CLAIM = 'http://schemas.microsoft.com/identity/claims/objectidentifier';
/** Where Easy Auth signs a member of staff in with Entra ID and brings them back. */
export const SIGN_IN_PATH = '/.auth/login/aad?post_login_redirect_uri=/api/staff/dashboard';

/** The decoded header: App Service's client principal, of which only the claims matter here. */
const ClientPrincipalSchema = z.object({
  claims: z.array(z.object({ typ: z.string(), val: z.string() })).max(500),
});

/** The signed-in person's Entra object id, lower-cased; undefined without a principal or one that does not parse. */
export function principalObjectId(header: string | null): string | undefined {
  if (header === null || header.length > 64_000) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  const principal = ClientPrincipalSchema.safeParse(decoded);
  const id = principal.success ? principal.data.claims.find((claim) => claim.typ === OBJECT_ID_CLAIM)?.val : undefined;
  const normalised = id?.trim().toLowerCase();
  return normalised === '' ? undefined : normalised;
}

export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403 | 404 };

/**
 * Open locally; in Azure, a signed-in member of staff, 401 for no one signed in (the page links to
 * the sign-in), 403 for someone who is not staff, and 404 while no one is staff (the dashboard is off).
 */
export function decideAccess(access: DashboardAccess, headers: Headers): AccessDecision {
  if (access.mode === 'open') return { allowed: true };
  if (access.mode === 'off') return { allowed: false, status: 404 };
  const objectId = principalObjectId(headers.get(CLIENT_PRINCIPAL_HEADER));
  if (objectId === undefined) return { allowed: false, status: 401 };
  return access.staffIds.includes(objectId) ? { allowed: true } : { allowed: false, status: 403 };
}
