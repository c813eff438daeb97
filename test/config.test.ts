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

  it('never echoes a secret value in its problems', () => {
    const result = checkConfig({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'hunter2', MicrosoftAppType: 'SingleTenant' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
