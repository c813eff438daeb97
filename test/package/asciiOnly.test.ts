import { isAscii } from 'node:buffer';
import { runInNewContext } from 'node:vm';
import { asciiOnly } from '../../scripts/package/bundle';

/** What a piece of code evaluates to, in a context of its own. */
const run = (code: string): unknown => runInNewContext(code);

describe('asciiOnly, which makes the bundle load as a one-byte string', () => {
  const cases: [string, string][] = [
    ['a character class', '"it’s ‘quoted’ and ´odd´".replace(/[‘’´]/g, "\'")'],
    ['an identity escape', '["cloud’s", "clouds"].map((w) => w.replace(/\\’s$/, ""))'],
    ['an escaped backslash before the character', 'String(/\\\\’/.test("\\\\’"))'],
    ['a character outside the BMP, with the u flag', 'String(/^😀+$/u.test("😀😀"))'],
    ['an ellipsis', '"wait…".replace(/…/g, "...")'],
  ];

  it.each(cases)('keeps the meaning of %s', (_name, code) => {
    const escaped = asciiOnly(code);
    expect(isAscii(Buffer.from(escaped))).toBe(true);
    expect(JSON.stringify(run(escaped))).toBe(JSON.stringify(run(code)));
  });

  it('escapes the identity escape itself rather than adding a backslash', () => {
    expect(asciiOnly('/\\’s$/')).toBe('/\\u2019s$/');
    expect(asciiOnly('/[‘´]/')).toBe('/[\\u2018\\u00b4]/');
  });

  it('leaves ASCII code as it is', () => {
    const code = 'module.exports = { a: /[a-z]\\d+/g, b: "\\u2019" };';
    expect(asciiOnly(code)).toBe(code);
  });
});
