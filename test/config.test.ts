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
    [{ STAFF_TEAMS_CHANNEL_ID: 'general' }, 'STAFF_TEAMS_CHANNEL_ID'],
    [{ STAFF_USER_IDS: 'ana@example.org' }, 'STAFF_USER_IDS'],
    [{ TICKETS_CONTAINER: 'Tickets' }, 'TICKETS_CONTAINER'],
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

  describe('where questions for the teaching team go', () => {
    const AZURE = { WEBSITE_INSTANCE_ID: 'i', MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't', AzureWebJobsStorage: 'x', HASH_SALT: 's' };

    it('is the local /staff page in local runs', () => {
      expect(loadConfig({}).staff).toEqual({ mode: 'local' });
    });

    it('is the configured Teams channel, with the staff ids lower-cased', () => {
      const config = loadConfig({ ...AZURE, STAFF_TEAMS_CHANNEL_ID: '19:abc@thread.tacv2', STAFF_USER_IDS: ' 0000000A-0000-4000-8000-000000000001 ,' });
      expect(config.staff).toEqual({
        mode: 'teams',
        channelId: '19:abc@thread.tacv2',
        serviceUrl: 'https://smba.trafficmanager.net/teams/',
        tenantId: 't',
        staffIds: ['0000000a-0000-4000-8000-000000000001'],
      });
    });

    it('is off in Azure without a channel, saying why', () => {
      expect(loadConfig(AZURE).staff).toEqual({ mode: 'off', reason: 'STAFF_TEAMS_CHANNEL_ID is not set' });
    });

    it('is off whenever questions are not recorded, channel or not', () => {
      expect(loadConfig({ RECORD_QUESTIONS: 'false' }).staff.mode).toBe('off');
      expect(loadConfig({ ...AZURE, RECORD_QUESTIONS: 'false', STAFF_TEAMS_CHANNEL_ID: '19:abc@thread.tacv2' }).staff).toMatchObject({ mode: 'off', reason: expect.stringContaining('RECORD_QUESTIONS') as unknown });
    });
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
