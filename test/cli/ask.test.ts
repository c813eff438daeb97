import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';
import { ASK_USAGE, main, readAskArgs } from '../../src/cli/ask';
import { EXIT, runCli, UsageError } from '../../src/cli/runCli';

const root = join(__dirname, '../..');

/** Runs `npm run --silent ask -- …` exactly as the README and other tooling do. */
function ask(args: string[], input = ''): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync('npm', ['run', '--silent', 'ask', '--', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, npm_config_loglevel: 'silent' },
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** The `--json` contract that other tooling depends on. */
const RecordSchema = z.object({
  question: z.string(),
  kind: z.enum(['answer', 'clarify', 'fallback', 'smalltalk']),
  id: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  answer: z.string().nullable(),
  text: z.string(),
  suggestions: z.array(z.string()),
  source: z.string().nullable(),
});

describe('the ask command', () => {
  it('prints the reply to one question as a student reads it', () => {
    const { stdout, status } = ask(['What is PaaS?']);
    expect(status).toBe(0);
    expect(stdout).toContain('Jupyter');
    expect(stdout).toContain('Source: Lecture 5');
  });

  it('with --json, writes exactly one JSON object per question line to stdout, and nothing else', () => {
    const questions = ['What is PaaS?', 'hi', 'how does DNS work', 'cloud model'];
    const { stdout, status } = ask(['--json'], `${questions.join('\n')}\n`);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(questions.length);
    const records = lines.map((line) => RecordSchema.parse(JSON.parse(line)));
    expect(records.map((record) => record.question)).toEqual(questions);

    const [paas, hi, dns, ambiguous] = records;
    expect(paas).toMatchObject({ kind: 'answer', id: 'service-models.paas', source: 'infrastructure-platform-and-software-as-a-service' });
    expect(hi?.source).toBeNull();
    expect(paas?.answer).toContain('Jupyter');
    expect(paas?.suggestions.length).toBeGreaterThan(0);
    expect(hi).toMatchObject({ kind: 'smalltalk', id: 'smalltalk.greeting' });
    expect(dns).toMatchObject({ kind: 'fallback', id: null, answer: null });
    // What a decline says is there too, for those who judge the replies.
    expect(dns?.text).toMatch(/^Sorry, I don't know that\./);
    expect(ambiguous).toMatchObject({ kind: 'clarify', id: null });
    expect(ambiguous?.suggestions.length).toBeGreaterThanOrEqual(2);
  });

  it('with --json and a question, writes that one record with the rule that decided, without reading stdin', () => {
    const { stdout, status } = ask(['--json', 'which model needs the least effort'], 'what is iaas\n');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const record = RecordSchema.extend({ explain: z.object({ rule: z.string() }) }).parse(JSON.parse(lines[0] ?? ''));
    expect(record).toMatchObject({ question: 'which model needs the least effort', id: 'service-models.saas', explain: { rule: 'comparisonAlongScale' } });
  });

  it('with --session, reads the lines as one conversation, so follow-ups resolve against the last topic', () => {
    const { stdout, status } = ask(['--session', '--json'], 'what is iaas\nany downsides?\nand paas?\n');
    expect(status).toBe(0);
    const records = stdout.trimEnd().split('\n').map((line) => RecordSchema.parse(JSON.parse(line)));
    expect(records.map((record) => record.id)).toEqual(['service-models.iaas', 'service-models.iaas', 'service-models.paas']);
    expect(records[1]?.answer).toMatch(/Bad point/);
    // The same second line without a session has no topic to refer to.
    const alone = RecordSchema.parse(JSON.parse(ask(['--json'], 'any downsides?\n').stdout));
    expect(alone.id).not.toBe('service-models.iaas');
  });
});

describe("the ask command's flags", () => {
  it('reads --json, --session and the words of the question, in any order', () => {
    expect(readAskArgs(['What', 'is', 'PaaS?'])).toEqual({ json: false, session: false, question: 'What is PaaS?' });
    expect(readAskArgs(['--json'])).toEqual({ json: true, session: false, question: '' });
    expect(readAskArgs(['--json', '--session'])).toEqual({ json: true, session: true, question: '' });
    expect(readAskArgs(['what', '--session', 'next'])).toEqual({ json: false, session: true, question: 'what next' });
  });

  it('rejects an unknown flag, naming it, with exit code 2 and the usage', async () => {
    expect(() => readAskArgs(['--jsno'])).toThrow(UsageError);
    let stderr = '';
    const code = await runCli(main, ['--jsno', 'What is PaaS?'], ASK_USAGE, (text) => (stderr += text));
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("Unknown option '--jsno'");
    expect(stderr).toContain(ASK_USAGE);
  });

  it('with no question and no flag, answers 2 and shows the usage', async () => {
    let stderr = '';
    expect(await runCli(main, [], ASK_USAGE, (text) => (stderr += text))).toBe(EXIT.usage);
    expect(stderr).toBe(`No question given.\n\n${ASK_USAGE}\n`);
  });
});
