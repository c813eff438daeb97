import { KB_LINT_USAGE, main } from '../../src/cli/kbLint';
import { EXIT, runCli } from '../../src/cli/runCli';

describe('the kb:lint command', () => {
  it('rejects an unknown flag, naming it, with exit code 2, before linting anything', async () => {
    let stderr = '';
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(main, ['--fix'], KB_LINT_USAGE, (text) => (stderr += text))).toBe(EXIT.usage);
      expect(stdout).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
    }
    expect(stderr).toBe(`Unknown option '--fix'\n\n${KB_LINT_USAGE}\n`);
  });
});
