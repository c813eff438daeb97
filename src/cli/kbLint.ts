import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../knowledge/locateKnowledgeDir';
import { formatLint, lintFails, lintKnowledgeBase } from '../lint/lintKnowledgeBase';
import { Matcher } from '../matching/Matcher';
import { DEFAULT_MATCHING_OPTIONS } from '../matching/matchingOptions';
import { EXIT, readFlags, runCli } from './runCli';

/** How to call `kb:lint`, printed after a usage error. */
export const KB_LINT_USAGE = 'Usage: npm run kb:lint   (takes no arguments; lints knowledge/)';

/**
 * `npm run kb:lint`: what the schema cannot see. Exits 1 when an alternate does not retrieve its
 * own entry or a lecture line is cited by no entry; entries too close to tell apart are warnings.
 */
export function main(args: string[]): number {
  // No flags yet; reading them still turns a mistyped one into an error rather than a silent no-op.
  readFlags({ args, options: {} });
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const report = lintKnowledgeBase(kb, new Matcher(kb), DEFAULT_MATCHING_OPTIONS.margin);
  process.stdout.write(`${formatLint(report)}\n`);
  return lintFails(report) ? EXIT.failed : EXIT.ok;
}

if (require.main === module) {
  void runCli(main, process.argv.slice(2), KB_LINT_USAGE).then((code) => {
    process.exitCode = code;
  });
}
