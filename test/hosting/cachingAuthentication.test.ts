import {
  type AuthenticateRequestResult,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { CachingBotFrameworkAuthentication } from '../../src/hosting/cachingAuthentication';

/** Counts what botbuilder's authentication would build, and fails on demand. */
class CountingAuthentication extends BotFrameworkAuthentication {
  connectors = 0;
  userTokens = 0;
  failNext = false;

  authenticateRequest(activity: Activity): Promise<AuthenticateRequestResult> {
    const appId = activity.from.id;
    const claimsIdentity = new ClaimsIdentity([{ type: 'appid', value: appId }], true);
    return Promise.resolve({ claimsIdentity, audience: 'https://api.botframework.com', callerId: '', connectorFactory: this.createConnectorFactory() });
  }

  authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    return Promise.reject(new Error('not used'));
  }

  createConnectorFactory(): ConnectorFactory {
    const create = (serviceUrl: string): Promise<ConnectorClient> => {
      this.connectors += 1;
      if (this.failNext) {
        this.failNext = false;
        return Promise.reject(new Error('token service down'));
      }
      return Promise.resolve({ serviceUrl } as unknown as ConnectorClient);
    };
    return new (class extends ConnectorFactory {
      create = create;
    })();
  }

  createUserTokenClient(): Promise<UserTokenClient> {
    this.userTokens += 1;
    return Promise.resolve({} as unknown as UserTokenClient);
  }
}

const activity = (appId: string) => ({ type: 'message', from: { id: appId } }) as Activity;

describe('CachingBotFrameworkAuthentication', () => {
  it('builds one connector and one user-token client per caller and service URL, not one per turn', async () => {
    const inner = new CountingAuthentication();
    const auth = new CachingBotFrameworkAuthentication(inner);
    for (let turn = 0; turn < 5; turn++) {
      const result = await auth.authenticateRequest(activity('app-1'), '');
      await result.connectorFactory?.create('https://smba.example/teams', result.audience);
      await auth.createUserTokenClient(result.claimsIdentity);
    }
    expect({ connectors: inner.connectors, userTokens: inner.userTokens }).toEqual({ connectors: 1, userTokens: 1 });

    const other = await auth.authenticateRequest(activity('app-2'), '');
    await other.connectorFactory?.create('https://smba.example/teams', other.audience);
    const elsewhere = await auth.authenticateRequest(activity('app-1'), '');
    await elsewhere.connectorFactory?.create('https://directline.example', elsewhere.audience);
    expect(inner.connectors).toBe(3);
  });

  it('does not keep a failed creation: the next turn tries again', async () => {
    const inner = new CountingAuthentication();
    const auth = new CachingBotFrameworkAuthentication(inner);
    inner.failNext = true;
    const first = await auth.authenticateRequest(activity('app-1'), '');
    await expect(first.connectorFactory?.create('https://smba.example', first.audience)).rejects.toThrow('token service down');
    const second = await auth.authenticateRequest(activity('app-1'), '');
    await expect(second.connectorFactory?.create('https://smba.example', second.audience)).resolves.toMatchObject({ serviceUrl: 'https://smba.example' });
    expect(inner.connectors).toBe(2);
  });
});
