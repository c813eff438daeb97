import { ignoredBy } from './ignoreFile';

describe('reading a .funcignore (test/package/ignoreFile.ts)', () => {
  it.each([
    ['/functions', 'functions/messages.js', '/functions'],
    ['/functions/*.ts', 'functions/messages.ts', '/functions/*.ts'],
    ['/functions/*.ts', 'functions/messages.js', undefined],
    ['/src', 'lib/src/app.js', undefined],
    ['src', 'lib/src/app.js', 'src'],
    ['/.git*', '.gitignore', '/.git*'],
    ['local.settings*.json', 'local.settings.json', 'local.settings*.json'],
    ['node_modules/', 'node_modules/botframework-webchat/dist/webchat.js', 'node_modules/'],
    ['# /functions', 'functions/messages.js', undefined],
  ])('with the line %p, %p is ignored by %p', (line, path, expected) => {
    expect(ignoredBy(line, path)).toBe(expected);
  });

  it('refuses syntax it cannot read, instead of passing it', () => {
    expect(() => ignoredBy('!keep.js', 'keep.js')).toThrow(/Unsupported/);
    expect(() => ignoredBy('lib/**/x', 'lib/x')).toThrow(/Unsupported/);
  });
});
