import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';

/** The app id the authenticated runtimes in tests are configured with. */
export const TEST_APP_ID = '00000000-0000-0000-0000-000000000001';

/** The issuer of tokens that Bot Framework channels (Teams, Web Chat, Direct Line) send to a bot. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

/** The id of the one signing key the stubbed Bot Framework metadata publishes. */
export const TRUSTED_KEY_ID = 'cloudbot-test-key';

export interface SigningKeys {
  /** Stands for Bot Framework's key: the stub publishes its public half under `TRUSTED_KEY_ID`. */
  trusted: KeyObject;
  trustedPublicPem: string;
  /** Anyone else's key: a token it signs with the trusted key id is a forgery. */
  attacker: KeyObject;
}

let keys: SigningKeys | undefined;

/** Two RSA key pairs, made locally once per test file (each takes tens of milliseconds). */
export function signingKeys(): SigningKeys {
  if (!keys) {
    const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keys = {
      trusted: trusted.privateKey,
      trustedPublicPem: trusted.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      attacker: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    };
  }
  return keys;
}

/**
 * Replaces the download of Bot Framework's signing keys (its OpenID metadata) for every metadata
 * URL the SDK knows: it publishes the trusted key only, and nothing leaves the machine. Restore it
 * with `jest.restoreAllMocks()`.
 */
export function stubSigningKeyFetch(): jest.SpiedFunction<OpenIdMetadata['getKey']> {
  const { trustedPublicPem } = signingKeys();
  return jest
    .spyOn(OpenIdMetadata.prototype, 'getKey')
    .mockImplementation((keyId: string) => Promise.resolve(keyId === TRUSTED_KEY_ID ? { key: trustedPublicPem } : null));
}

const segment = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A compact JWT; `header` and `payload` may be strings, to write malformed ones. RS256 unless the header says HS256. */
export function signJwt(header: unknown, payload: unknown, key: KeyObject | string): string {
  const input = `${segment(header)}.${segment(payload)}`;
  const signature =
    typeof key === 'string' ? createHmac('sha256', key).update(input).digest() : sign('RSA-SHA256', Buffer.from(input), key);
  return `${input}.${signature.toString('base64url')}`;
}

/** The header of a token signed with the trusted key id. */
export const trustedHeader = (overrides: Record<string, unknown> = {}) => ({ alg: 'RS256', typ: 'JWT', kid: TRUSTED_KEY_ID, ...overrides });

/** The claims of a channel's token for the test app, valid for an hour around now. */
export function channelClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: CHANNEL_ISSUER, aud: TEST_APP_ID, nbf: now - 60, exp: now + 3600, serviceurl: 'http://127.0.0.1:9', ...overrides };
}

/** A token a channel would really send: the trusted key, its id, and valid claims. */
export const validToken = (claims: Record<string, unknown> = {}) => signJwt(trustedHeader(), channelClaims(claims), signingKeys().trusted);

const HOUR = 3600;

/**
 * Every way a token can be wrong on its own, mostly one change from a valid one. Each is the value
 * of an Authorization header.
 */
export function badTokens(): [name: string, authorization: string][] {
  const { trusted, trustedPublicPem, attacker } = signingKeys();
  const now = Math.floor(Date.now() / 1000);
  const bearer = (token: string) => `Bearer ${token}`;
  const valid = validToken();
  return [
    ['an empty header', ''],
    ['another scheme', 'Basic dXNlcjpwYXNzd29yZA=='],
    ['a scheme without a token', 'Bearer '],
    ['garbage', 'Bearer not.a.jwt'],
    ['a token in two parts', bearer(valid.split('.').slice(0, 2).join('.'))],
    ['a token with no signature (alg "none")', bearer(`${segment(trustedHeader({ alg: 'none' }))}.${segment(channelClaims())}.`)],
    ['a payload that is not JSON', bearer(signJwt(trustedHeader(), '{"iss":', trusted))],
    ['a payload that is not an object', bearer(signJwt(trustedHeader(), '42', trusted))],
    ['a forged signature (the trusted key id, another key)', bearer(signJwt(trustedHeader(), channelClaims(), attacker))],
    ['a signature of garbage', bearer(`${valid.slice(0, valid.lastIndexOf('.'))}.c2lnbmF0dXJl`)],
    ['an HMAC signed with the public key (algorithm confusion)', bearer(signJwt(trustedHeader({ alg: 'HS256' }), channelClaims(), trustedPublicPem))],
    ['an unknown key id', bearer(signJwt(trustedHeader({ kid: 'someone-elses-key' }), channelClaims(), attacker))],
    ['no key id', bearer(signJwt({ alg: 'RS256', typ: 'JWT' }, channelClaims(), trusted))],
    ['an expired token', bearer(signJwt(trustedHeader(), channelClaims({ nbf: now - 3 * HOUR, exp: now - 2 * HOUR }), trusted))],
    ['a token not valid yet', bearer(signJwt(trustedHeader(), channelClaims({ nbf: now + 2 * HOUR, exp: now + 3 * HOUR }), trusted))],
    ['an expiry that is not a number', bearer(signJwt(trustedHeader(), channelClaims({ exp: 'tomorrow' }), trusted))],
    ['a token for another bot (audience)', bearer(signJwt(trustedHeader(), channelClaims({ aud: 'another-bot' }), trusted))],
    ['a token from another issuer', bearer(signJwt(trustedHeader(), channelClaims({ iss: 'https://evil.example' }), trusted))],
  ];
}

/**
 * A token that is wrong only for an activity that names its `serviceUrl`: botbuilder checks the
 * token's `serviceurl` claim against the activity's, when the activity has one.
 */
export const tokenForAnotherServiceUrl = () =>
  `Bearer ${signJwt(trustedHeader(), channelClaims({ serviceurl: 'https://elsewhere.example' }), signingKeys().trusted)}`;
