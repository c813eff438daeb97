import { loadProcessConfig } from '../config';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../knowledge/locateKnowledgeDir';
import { silentLogger } from '../logger';
import { Matcher } from '../matching/Matcher';
import { formatReview, review } from '../records/review';
import { TableRecords } from '../records/tableRecords';
import { EXIT, readFlags, runCli } from './runCli';

/** How to call `kb:review`, printed after a usage error. */
export const KB_REVIEW_USAGE = 'Usage: npm run kb:review   (takes no arguments; reads the storage the environment configures)';

/**
 * `npm run kb:review`: what students asked that CloudBot could not answer well, and the answers
 * they rated down, from the configured storage (`STATE_STORAGE_CONNECTION_STRING` or
 * `AzureWebJobsStorage`, and `RECORDS_TABLE`): run it with production's connection string to
 * review production.
 */
export async function main(args: string[]): Promise<number> {
  // No flags yet; reading them still turns a mistyped one into an error rather than a silent no-op.
  readFlags({ args, options: {} });
  const config = loadProcessConfig();
  if (config.storageConnectionString === undefined) {
    throw new Error('No storage configured: set STATE_STORAGE_CONNECTION_STRING (or AzureWebJobsStorage) to the account the bot records to.');
  }
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const matcher = new Matcher(kb);
  const records = await new TableRecords(
    { connectionString: config.storageConnectionString, table: config.RECORDS_TABLE, timeoutMs: 30_000 },
    silentLogger,
  ).list();
  process.stdout.write(`${formatReview(review(records, (text) => matcher.termsOf(text)))}\n`);
  return EXIT.ok;
}

if (require.main === module) {
  void runCli(main, process.argv.slice(2), KB_REVIEW_USAGE).then((code) => {
    process.exitCode = code;
  });
}
