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
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
  ])('when given %j it names %s as the bad variable', (env, variable) => {
    const result = checkConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toContain(variable);
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });

  it('logs at info unless LOG_LEVEL asks for debug, or for less', () => {
    expect(loadConfig({}).LOG_LEVEL).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: 'warn' }).LOG_LEVEL).toBe('warn');
  });

  describe('the local server\'s one host name, for what npm start prints and where citations link', () => {
    it.each([
      [{}, 'http://127.0.0.1:3978'],
      [{ PORT: '8080' }, 'http://127.0.0.1:8080'],
      [{ HOST: '0.0.0.0' }, 'http://127.0.0.1:3978'],
      [{ HOST: '::' }, 'http://[::1]:3978'],
      [{ HOST: '::1' }, 'http://[::1]:3978'],
      [{ HOST: 'cloudbot.local' }, 'http://cloudbot.local:3978'],
    ])('with %j is %s, and the lecture page is under it', (env, origin) => {
      const config = loadConfig(env);
      expect(config.localOrigin).toBe(origin);
      expect(config.lectureUrl).toBe(`${origin}/lecture`);
    });
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
