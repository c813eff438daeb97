import { toError } from '../errors';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../knowledge/locateKnowledgeDir';
import { formatLint, lintFails, lintKnowledgeBase } from '../lint/lintKnowledgeBase';
import { Matcher } from '../matching/Matcher';
import { DEFAULT_MATCHING_OPTIONS } from '../matching/matchingOptions';

/**
 * `npm run kb:lint`: what the schema cannot see. Exits 1 when an alternate does not retrieve its
 * own entry or a lecture line is cited by no entry; entries too close to tell apart are warnings.
 */
function main(): void {
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const report = lintKnowledgeBase(kb, new Matcher(kb), DEFAULT_MATCHING_OPTIONS.margin);
  process.stdout.write(`${formatLint(report)}\n`);
  if (lintFails(report)) process.exitCode = 1;
}

try {
  main();
} catch (thrown: unknown) {
  process.stderr.write(`${toError(thrown).message}\n`);
  process.exitCode = 1;
}
