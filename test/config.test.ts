import { checkConfig, loadConfig } from '../src/config';
import { ConfigError } from '../src/errors';

describe('configuration', () => {
  it('defaults to an unauthenticated local setup on port 3978 when nothing is set', () => {
    const config = loadConfig({});
    expect(config.unauthenticated).toBe(true);
    expect(config.PORT).toBe(3978);
    expect(config.MicrosoftAppType).toBe('MultiTenant');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats blank settings as unset, as an empty app setting in Azure is', () => {
    expect(loadConfig({ MicrosoftAppId: '  ', MicrosoftAppPassword: '' }).unauthenticated).toBe(true);
  });

  it('is authenticated once an app id and password are set', () => {
    const config = loadConfig({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' });
    expect(config.unauthenticated).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ MicrosoftAppType: 'Everyone' }, 'MicrosoftAppType'],
    [{ MicrosoftAppId: 'app-id' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ MAX_BODY_BYTES: '10' }, 'MAX_BODY_BYTES'],
  ])('when given %j it names %s as the bad variable', (env, variable) => {
    const result = checkConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toContain(variable);
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });

  describe('the app\'s public origin', () => {
    const azure = { WEBSITE_INSTANCE_ID: 'instance', MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', AzureWebJobsStorage: 'UseDevelopmentStorage=true', HASH_SALT: 'salt' };

    it('in Azure, is HTTPS on the host name Azure gives, which the lecture links use too', () => {
      const config = loadConfig({ ...azure, WEBSITE_HOSTNAME: 'cloudbot.azurewebsites.net' });
      expect(config.publicOrigin).toBe('https://cloudbot.azurewebsites.net');
      expect(config.lectureUrl).toBe('https://cloudbot.azurewebsites.net/api/lecture');
    });

    it('is unknown locally, where the request URL is the app\'s own', () => {
      expect(loadConfig({}).publicOrigin).toBeUndefined();
    });

    it('is unknown under Core Tools, which sets WEBSITE_HOSTNAME to localhost and serves plain HTTP', () => {
      const config = loadConfig({ WEBSITE_HOSTNAME: 'localhost:7071' });
      expect(config.publicOrigin).toBeUndefined();
      expect(config.lectureUrl).toBe('http://localhost:7071/api/lecture');
    });

    it.each(['https://cloudbot.azurewebsites.net', 'cloudbot.azurewebsites.net/api', 'user@cloudbot.azurewebsites.net'])('rejects WEBSITE_HOSTNAME=%s, which is not a bare host name', (host) => {
      const result = checkConfig({ ...azure, WEBSITE_HOSTNAME: host });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.join(' ')).toContain('WEBSITE_HOSTNAME');
    });
  });

  it('never echoes a secret value in its problems', () => {
    const result = checkConfig({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'hunter2', MicrosoftAppType: 'SingleTenant' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
