import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KbReviewDependencies, KB_REVIEW_USAGE, main } from '../../src/cli/kbReview';
import { EXIT, runCli } from '../../src/cli/runCli';
import { loadEvalSet } from '../../scripts/eval/evalSet';
import type { CloudBotRecord, RecordSource } from '../../src/records/records';
import { TableRecords } from '../../src/records/tableRecords';
import { BlobTicketStore } from '../../src/tickets/BlobTicketStore';
import { MemoryTicketStore } from '../../src/tickets/TicketStore';
import type { Ticket } from '../../src/tickets/ticket';
import { sharedAzurite } from '../support/azurite';
import { capturingLogger } from '../support/logger';
import { writeProposalKnowledge } from '../records/fixtures/proposalKnowledge';

const at = '2026-12-04T09:00:00.000Z';

/** A ticket as the bot stores it; answered by a member of staff unless `answer` is undefined. */
function ticket(question: string, answer: string | undefined, rating?: 'up' | 'down'): Ticket {
  const base: Ticket = {
    id: randomUUID(),
    status: 'open',
    reason: 'fallback',
    question,
    recent: [],
    botAnswer: null,
    student: 'student-hash',
    reference: { channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'conversation-1' }, bot: { id: 'cloudbot' } },
    createdAt: at,
  };
  if (answer === undefined) return base;
  return { ...base, status: 'answered', takenBy: { key: 'staff-1', name: 'Dr Ada Lovelace' }, takenAt: at, answer: { text: answer, by: { key: 'staff-1', name: 'Dr Ada Lovelace' }, at }, delivered: true, rating };
}

function question(text: string): CloudBotRecord {
  return { kind: 'question', outcome: 'fallback', question: text, confidence: 0.2, candidates: [], at, conversation: 'c1' };
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('the kb:review command', () => {
  let root: string;
  let knowledgeDir: string;
  let printed: string;
  let recordsRead: number;

  /** Dependencies over memory stores and the small made-up knowledge folder. */
  async function dependencies(records: CloudBotRecord[], tickets: Ticket[]): Promise<KbReviewDependencies> {
    const store = new MemoryTicketStore();
    for (const item of tickets) await store.create(item);
    const source: RecordSource = {
      list: () => {
        recordsRead += 1;
        return Promise.resolve(records);
      },
    };
    return { records: source, tickets: store, knowledgeDir, print: (text) => (printed += text) };
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cloudbot-kb-review-'));
    knowledgeDir = writeProposalKnowledge(root);
    printed = '';
    recordsRead = 0;
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('rejects an unknown flag, naming it, with exit code 2, before reading the configuration', async () => {
    let stderr = '';
    expect(await runCli(main, ['--since=7d'], KB_REVIEW_USAGE, (text) => (stderr += text))).toBe(EXIT.usage);
    // Without the flag check it would have gone on to the storage, and failed with another message.
    expect(stderr).toBe(`Unknown option '--since'\n\n${KB_REVIEW_USAGE}\n`);
  });

  it('rejects --patch without a file, before anything is read', async () => {
    let stderr = '';
    let built = false;
    const code = await runCli((args) => main(args, () => ((built = true), { records: { list: () => Promise.resolve([]) }, tickets: new MemoryTicketStore(), knowledgeDir, print: () => undefined })), ['--patch'], KB_REVIEW_USAGE, (text) => (stderr += text));
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/^Option '--patch <value>' argument missing/);
    expect(built).toBe(false);
  });

  it('refuses to write the patch into the knowledge folder, and reads and writes nothing', async () => {
    const deps = await dependencies([question('is the bus cheap for students')], []);
    const before = snapshot(knowledgeDir);
    let stderr = '';
    const inside = join(knowledgeDir, 'proposals.patch');
    expect(await runCli((args) => main(args, () => deps), ['--patch', inside], KB_REVIEW_USAGE, (text) => (stderr += text))).toBe(EXIT.usage);
    expect(stderr).toContain('is inside the knowledge folder');
    expect(existsSync(inside)).toBe(false);
    expect(snapshot(knowledgeDir)).toEqual(before);
    expect(recordsRead).toBe(0);
  });

  it('lists answered tickets beside the unanswered questions, writes the proposals to the --patch file, and leaves the knowledge folder as it was', async () => {
    const deps = await dependencies(
      [question('is the bus cheap for students'), question('how do volcanoes erupt')],
      [
        ticket('how much does it cost to run', 'The car is the most expensive to run: fuel, insurance and parking.', 'up'),
        ticket('an open ticket nobody has answered yet', undefined),
      ],
    );
    const before = snapshot(knowledgeDir);
    const patchFile = join(root, 'proposals.patch');
    expect(await main(['--patch', patchFile], () => deps)).toBe(EXIT.ok);

    expect(printed).toContain('2 records, 1 answered ticket.');
    expect(printed).toContain('"how much does it cost to run" (after fallback), answered by Dr Ada Lovelace on 2026-12-04, rated 👍');
    expect(printed).toMatch(/→ situation of vehicles\.car \(vehicles\.yaml\), chosen by the answer at [\d.]+: passes kb:lint; in the patch/);
    expect(printed).toMatch(/→ alternate of vehicles\.bus \(vehicles\.yaml\), chosen by the question at [\d.]+: passes kb:lint; in the patch/);
    expect(printed).toContain('→ no entry fits: consider a new entry');
    expect(printed).not.toContain('an open ticket');
    expect(printed).toContain(`2 proposals written to ${patchFile}`);

    const patch = readFileSync(patchFile, 'utf8');
    expect(patch).toContain('+      - is the bus cheap for students\n');
    expect(patch).toContain('+    situations:\n+      - "how much does it cost to run"\n');
    expect(snapshot(knowledgeDir)).toEqual(before);
  });

  it('writes the answered tickets whose entry it could name to --questions, as a labelled set the model can learn from', async () => {
    const deps = await dependencies(
      [question('is the bus cheap for students')],
      [
        ticket('how much does it cost\tto run', 'The car is the most expensive to run: fuel, insurance and parking.', 'down'),
        ticket('how do volcanoes erupt', 'The lecture does not cover volcanoes; try a geology module.'),
      ],
    );
    const before = snapshot(knowledgeDir);
    const questionsFile = join(root, 'review-questions.tsv');
    expect(await main(['--questions', questionsFile], () => deps)).toBe(EXIT.ok);

    // The ticket that names an entry, on one line, with its entry; not the volcano, not the unanswered question.
    expect(readFileSync(questionsFile, 'utf8')).toBe('question\texpected\tcategory\nhow much does it cost to run\tvehicles.car\tteaching-team\n');
    expect(loadEvalSet(questionsFile)).toEqual([{ question: 'how much does it cost to run', expected: ['vehicles.car'], category: 'teaching-team', line: 2 }]);
    expect(printed).toContain(`1 labelled question written to ${questionsFile}`);
    expect(printed).toContain('npm run kb:train');
    expect(snapshot(knowledgeDir)).toEqual(before);
  });

  it('writes no labelled set when no answered ticket names an entry, and refuses one inside the knowledge folder', async () => {
    const deps = await dependencies([question('is the bus cheap for students')], []);
    const questionsFile = join(root, 'review-questions.tsv');
    expect(await main(['--questions', questionsFile], () => deps)).toBe(EXIT.ok);
    expect(existsSync(questionsFile)).toBe(false);
    expect(printed).toContain(`No answered ticket names an entry: nothing written to ${questionsFile}.`);

    let stderr = '';
    const inside = join(knowledgeDir, 'review-questions.tsv');
    expect(await runCli((args) => main(args, () => deps), ['--questions', inside], KB_REVIEW_USAGE, (text) => (stderr += text))).toBe(EXIT.usage);
    expect(stderr).toContain('--questions');
    expect(existsSync(inside)).toBe(false);
  });

  it('without --patch writes no file, and says how to get one', async () => {
    const deps = await dependencies([question('is the bus cheap for students')], []);
    expect(await main([], () => deps)).toBe(EXIT.ok);
    expect(printed).toMatch(/1 proposal passes kb:lint; run with --patch <file> to write them as a patch to review\.\n$/);
    expect(readdirSync(root)).toEqual(['knowledge']);
  });

  it('writes no patch when no proposal passes', async () => {
    const deps = await dependencies([question('how do volcanoes erupt')], []);
    const patchFile = join(root, 'proposals.patch');
    expect(await main(['--patch', patchFile], () => deps)).toBe(EXIT.ok);
    expect(printed).toContain(`No proposal passes kb:lint: nothing written to ${patchFile}.`);
    expect(existsSync(patchFile)).toBe(false);
  });

  it('reads answered tickets from the configured Blob container and records from the table (Azurite), as with production\'s connection string', async () => {
    const name = `review${String(Date.now())}`;
    const container = `tickets-${name}`;
    const store = new BlobTicketStore({ connectionString: sharedAzurite(), container, timeoutMs: 5000 });
    await store.create(
      ticket(
        'would our campus webmail count as saas?',
        'Yes: web mail such as Outlook.com is software as a service. The provider supplies the infrastructure and the application software, and you just supply your data.',
        'down',
      ),
    );
    await new TableRecords({ connectionString: sharedAzurite(), table: name, timeoutMs: 5000 }, capturingLogger()).add(question('how do volcanoes erupt'));

    const patchFile = join(root, 'proposals.patch');
    const cli = spawnSync('npm', ['run', '--silent', 'kb:review', '--', '--patch', patchFile], {
      cwd: join(__dirname, '../..'),
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, STATE_STORAGE_CONNECTION_STRING: sharedAzurite(), RECORDS_TABLE: name, TICKETS_CONTAINER: container },
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('1 record, 1 answered ticket.');
    expect(cli.stdout).toContain('"would our campus webmail count as saas?" (after fallback), answered by Dr Ada Lovelace on 2026-12-04, rated 👎');
    expect(cli.stdout).toMatch(/→ alternate of service-models\.saas \(service-models\.yaml\), chosen by the answer at [\d.]+: passes kb:lint; in the patch/);
    expect(readFileSync(patchFile, 'utf8')).toMatch(/^diff --git a\/knowledge\/service-models\.yaml b\/knowledge\/service-models\.yaml\n[^]*\n\+ {6}- would our campus webmail count as saas\?\n/);
  }, 90_000);
});
