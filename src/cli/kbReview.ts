import { loadProcessConfig } from '../config';
import { toError } from '../errors';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../knowledge/locateKnowledgeDir';
import { silentLogger } from '../logger';
import { Matcher } from '../matching/Matcher';
import { formatReview, review } from '../records/review';
import { TableRecords } from '../records/tableRecords';

/**
 * `npm run kb:review`: what students asked that CloudBot could not answer well, and the answers
 * they rated down, from the configured storage (`STATE_STORAGE_CONNECTION_STRING` or
 * `AzureWebJobsStorage`, and `RECORDS_TABLE`): run it with production's connection string to
 * review production.
 */
async function main(): Promise<void> {
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
}

main().catch((thrown: unknown) => {
  process.stderr.write(`${toError(thrown).message}\n`);
  process.exitCode = 1;
});
