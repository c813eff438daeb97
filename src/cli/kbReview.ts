import { writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { loadProcessConfig } from '../config';
import { buildKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../knowledge/locateKnowledgeDir';
import { silentLogger } from '../logger';
import { Matcher } from '../matching/Matcher';
import { readKnowledgeFolder } from '../records/proposals';
import type { RecordSource } from '../records/records';
import { type AnsweredQuestion, count, formatReview, review, withProposals } from '../records/review';
import { labelledQuestions } from '../records/labelledQuestions';
import { TableRecords } from '../records/tableRecords';
import { BlobTicketStore } from '../tickets/BlobTicketStore';
import type { TicketStore } from '../tickets/TicketStore';
import type { Ticket } from '../tickets/ticket';
import { EXIT, readFlags, runCli, UsageError } from './runCli';

/** How to call `kb:review`, printed after a usage error. */
export const KB_REVIEW_USAGE = [
  'Usage: npm run kb:review [-- --patch <file>] [--questions <file>]',
  '  --patch <file>      also write the proposals that pass kb:lint to <file>, a patch to review, then `git apply` from the repository root',
  '  --questions <file>  also write the answered tickets, each with its entry, as a labelled question set for the question model (test/fixtures/*-questions.tsv, then npm run kb:train)',
  'Reads the records and tickets in the storage the environment configures; never writes to knowledge/.',
].join('\n');

/** What the review reads, passed in so that tests give it their own records, tickets and knowledge folder. */
export interface KbReviewDependencies {
  records: RecordSource;
  /** The ticket store the configuration names; only answered tickets are read. */
  tickets: Pick<TicketStore, 'list'>;
  knowledgeDir: string;
  /** Where the listing goes. */
  print: (text: string) => void;
}

/** The answered tickets as the review lists them; a ticket marked answered without an answer has nothing to learn from. */
export function answeredQuestions(tickets: readonly Ticket[]): AnsweredQuestion[] {
  return tickets.flatMap((ticket) =>
    ticket.status === 'answered' && ticket.answer
      ? [{ question: ticket.question, answer: ticket.answer.text, answeredBy: ticket.answer.by.name, answeredAt: ticket.answer.at, rating: ticket.rating, reason: ticket.reason }]
      : [],
  );
}

/**
 * The review itself: questions, answered tickets and 👎 votes, each question with the entry it
 * should join, and with `patch` the proposals that pass `kb:lint` written there as a unified diff.
 * The knowledge folder is only read: a person applies the patch after reading it.
 */
export async function reviewKnowledge(options: { patch: string | undefined; questions?: string | undefined }, deps: KbReviewDependencies): Promise<number> {
  const { patch: patchFile, questions: questionsFile } = options;
  for (const [flag, file] of [['--patch', patchFile], ['--questions', questionsFile]] as const) {
    if (file !== undefined && isInside(resolve(file), deps.knowledgeDir)) {
      throw new UsageError(`${flag} ${file} is inside the knowledge folder: write it elsewhere, the knowledge base changes only when a person applies it`);
    }
  }
  const folder = readKnowledgeFolder(deps.knowledgeDir);
  const matcher = new Matcher(buildKnowledgeBase([...folder.files].map(([name, text]) => ({ name, text })), folder.lecture));
  const [records, tickets] = await Promise.all([deps.records.list(), deps.tickets.list({ status: ['answered'] })]);
  const { review: report, patch } = withProposals(review(records, (text) => matcher.termsOf(text), answeredQuestions(tickets)), folder);
  const passing = [...report.questions, ...report.answered].filter(({ proposal }) => proposal !== undefined && proposal.kind !== 'none' && proposal.problems.length === 0).length;
  if (patchFile !== undefined && passing > 0) writeFileSync(patchFile, patch);
  const lines = [formatReview(report), '', footer(passing, patchFile)];
  if (questionsFile !== undefined) lines.push(writeLabelled(questionsFile, labelledQuestions(report)));
  deps.print(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** Writes the labelled rows, if any, and says what to do with them. */
function writeLabelled(file: string, tsv: string): string {
  const rows = tsv === '' ? 0 : tsv.trimEnd().split('\n').length - 1;
  if (rows === 0) return `No answered ticket names an entry: nothing written to ${file}.`;
  writeFileSync(file, tsv);
  return (
    `${count(rows, 'labelled question')} written to ${file}: check each entry, save it as test/fixtures/<name>-questions.tsv ` +
    '(or add its rows to a set there), then `npm run kb:train` and `npm test`.'
  );
}

/** What to do with the proposals that pass. */
function footer(passing: number, patchFile: string | undefined): string {
  if (passing === 0) return patchFile === undefined ? 'No proposal passes kb:lint.' : `No proposal passes kb:lint: nothing written to ${patchFile}.`;
  if (patchFile === undefined) return `${count(passing, 'proposal')} ${passing === 1 ? 'passes' : 'pass'} kb:lint; run with --patch <file> to write them as a patch to review.`;
  return `${count(passing, 'proposal')} written to ${patchFile}: read it, then \`git apply ${patchFile}\` from the repository root and \`npm test\`.`;
}

function isInside(file: string, dir: string): boolean {
  const path = relative(resolve(dir), file);
  return path === '' || (!isAbsolute(path) && path.split(sep)[0] !== '..');
}

/** The configured storage (`STATE_STORAGE_CONNECTION_STRING` or `AzureWebJobsStorage`, `RECORDS_TABLE`, `TICKETS_CONTAINER`) and the app's knowledge folder. */
function configuredDependencies(): KbReviewDependencies {
  const config = loadProcessConfig();
  if (config.storageConnectionString === undefined) {
    throw new Error('No storage configured: set STATE_STORAGE_CONNECTION_STRING (or AzureWebJobsStorage) to the account the bot records to.');
  }
  return {
    records: new TableRecords({ connectionString: config.storageConnectionString, table: config.RECORDS_TABLE, timeoutMs: 30_000 }, silentLogger),
    tickets: new BlobTicketStore({ connectionString: config.storageConnectionString, container: config.TICKETS_CONTAINER, timeoutMs: 30_000 }),
    knowledgeDir: defaultKnowledgeDir(),
    print: (text) => process.stdout.write(text),
  };
}

/**
 * `npm run kb:review`: what students asked that CloudBot could not answer well, what the teaching
 * team answered for it, and the answers students rated down, from the configured storage: run it
 * with production's connection string to review production.
 */
export async function main(args: string[], dependencies: () => KbReviewDependencies = configuredDependencies): Promise<number> {
  // Flags first: a mistyped one is an error before any storage is reached.
  const { values } = readFlags({ args, options: { patch: { type: 'string' }, questions: { type: 'string' } } });
  return reviewKnowledge({ patch: values.patch, questions: values.questions }, dependencies());
}

if (require.main === module) {
  void runCli((args) => main(args), process.argv.slice(2), KB_REVIEW_USAGE).then((code) => {
    process.exitCode = code;
  });
}
