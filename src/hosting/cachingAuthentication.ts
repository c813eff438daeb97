import {
  type AuthenticateRequestResult,
  BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** Enough for every channel's service URL; a flood of made-up ones just starts the cache again. */
const MAX_CLIENTS = 64;

/** A small map that forgets everything when full rather than grow without bound. */
class BoundedCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    const known = this.entries.get(key);
    if (known) return known;
    if (this.entries.size >= MAX_CLIENTS) this.entries.clear();
    // A failed creation is not kept, so the next turn tries again.
    const created = create().catch((error: unknown) => {
      this.entries.delete(key);
      throw error;
    });
    this.entries.set(key, created);
    return created;
  }
}

/**
 * botbuilder's CloudAdapter builds a new connector client and user-token client on every turn;
 * under load that is about a tenth of the CPU a turn costs. The clients hold no per-turn state
 * (their credentials refresh their own tokens), so this keeps them per app id, service URL and
 * audience, as botbuilder's older BotFrameworkAdapter did. Authentication itself is unchanged.
 */
export class CachingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<ConnectorClient>();
  private readonly userTokens = new BoundedCache<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return this.withCache(result);
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withCache(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  private withCache(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.cachingFactory(result.claimsIdentity, result.connectorFactory) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.cachingFactory(claimsIdentity, this.inner.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokens.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private cachingFactory(claimsIdentity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory {
    return new CachingConnectorFactory(this.connectors, appIdOf(claimsIdentity), factory);
  }
}

/** A turn's connector factory that hands out the instance's kept clients, creating one only when none is kept. */
class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly connectors: BoundedCache<ConnectorClient>,
    private readonly appId: string,
    private readonly inner: ConnectorFactory,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.connectors.get(`${this.appId}|${serviceUrl}|${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/** The caller's app id from its claims (v1 tokens say `appid`, v2 `azp`); anonymous callers share one. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  const claim = claimsIdentity.claims.find((candidate) => candidate.type === 'appid' || candidate.type === 'azp');
  return claim?.value ?? 'anonymous';
}
