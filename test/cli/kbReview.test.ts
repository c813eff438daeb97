import { KB_REVIEW_USAGE, main } from '../../src/cli/kbReview';
import { EXIT, runCli } from '../../src/cli/runCli';

describe('the kb:review command', () => {
  it('rejects an unknown flag, naming it, with exit code 2, before reading the configuration', async () => {
    let stderr = '';
    expect(await runCli(main, ['--since=7d'], KB_REVIEW_USAGE, (text) => (stderr += text))).toBe(EXIT.usage);
    // Without the flag check it would have gone on to the storage, and failed with another message.
    expect(stderr).toBe(`Unknown option '--since'\n\n${KB_REVIEW_USAGE}\n`);
  });
});
