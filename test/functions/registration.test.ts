/**
 * The registrations in functions/ are what the Functions host reads. `@azure/functions` only
 * registers when the worker's `@azure/functions-core` module exists, so the test provides one
 * and captures what is registered.
 */
const registered: { metadata: { name: string; bindings: Record<string, Record<string, unknown>> } }[] = [];
const hooks: string[] = [];

jest.mock(
  '@azure/functions-core',
  () => ({
    registerFunction: (metadata: { name: string; bindings: Record<string, Record<string, unknown>> }) => {
      registered.push({ metadata });
      return { dispose: () => undefined };
    },
    registerHook: (name: string) => {
      hooks.push(name);
      return { dispose: () => undefined };
    },
    setProgrammingModel: () => undefined,
    getProgrammingModel: () => undefined,
    log: () => undefined,
  }),
  { virtual: true },
);

function triggerOf(name: string): Record<string, unknown> | undefined {
  const fn = registered.find((entry) => entry.metadata.name === name);
  return Object.values(fn?.metadata.bindings ?? {}).find((binding) => binding.type === 'httpTrigger');
}

describe('Azure Functions registrations', () => {
  beforeAll(() => {
    // Required after the mock above exists; a dynamic import() would stay an ES import under
    // "module": "node20", which Jest runs only with --experimental-vm-modules.
    for (const file of ['messages', 'health', 'chat', 'webchatAsset', 'directlineToken', 'lecture', 'staffDashboard']) {
      jest.requireActual(`../../functions/${file}`);
    }
  });

  it('registers POST /api/messages as the anonymous "messages" function', () => {
    expect(triggerOf('messages')).toMatchObject({ route: 'messages', methods: ['POST'], authLevel: 'anonymous' });
  });

  it('registers GET (and HEAD) /api/health as the anonymous "health" function', () => {
    expect(triggerOf('health')).toMatchObject({ route: 'health', methods: ['GET', 'HEAD'], authLevel: 'anonymous' });
  });

  it('registers GET /api/chat, the Web Chat page, and GET /api/webchat/{version}/webchat.js, its bundle', () => {
    expect(triggerOf('chat')).toMatchObject({ route: 'chat', methods: ['GET', 'HEAD'], authLevel: 'anonymous' });
    expect(triggerOf('webchatAsset')).toMatchObject({ route: 'webchat/{version}/webchat.js', methods: ['GET', 'HEAD'], authLevel: 'anonymous' });
  });

  it('registers POST /api/directline/token for the page\'s Direct Line token', () => {
    expect(triggerOf('directlineToken')).toMatchObject({ route: 'directline/token', methods: ['POST'], authLevel: 'anonymous' });
  });

  it('registers GET /api/lecture, the lecture page citations link to', () => {
    expect(triggerOf('lecture')).toMatchObject({ route: 'lecture', methods: ['GET', 'HEAD'], authLevel: 'anonymous' });
  });

  it('registers GET /api/staff/dashboard, the teaching team\'s dashboard, anonymous to the host: the handler checks App Service\'s sign-in', () => {
    expect(triggerOf('staffDashboard')).toMatchObject({ route: 'staff/dashboard', methods: ['GET', 'HEAD'], authLevel: 'anonymous' });
  });

  it('registers nothing else, so that every function has a file of its own', () => {
    expect(registered.map((entry) => entry.metadata.name).sort()).toEqual(['chat', 'directlineToken', 'health', 'lecture', 'messages', 'staffDashboard', 'webchatAsset']);
  });

  it('builds the runtime when the app starts, not at the first message', () => {
    expect(hooks).toContain('appStart');
  });
});
