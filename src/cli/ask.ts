import { createInterface } from 'node:readline';
import { Answerer, type Reply } from '../answering/Answerer';
import { Conversation } from '../conversation/Conversation';
import { freshMemory } from '../conversation/memory';
import { emptyProgress } from '../quiz/progress';
import { Quiz } from '../quiz/Quiz';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../knowledge/locateKnowledgeDir';
import { QuestionClassifier, readQuestionModel } from '../matching/questionModel';
import { Matcher } from '../matching/Matcher';
import { EXIT, readFlags, runCli, UsageError } from './runCli';

/**
 * `npm run --silent ask -- "What is PaaS?"` prints the reply as a student reads it.
 * `npm run --silent ask -- --json` reads one question a line from stdin and writes one JSON
 * object a line to stdout, and nothing else: other tools depend on that contract.
 * `--session` reads the lines as one conversation, so follow-ups ("and PaaS?") can be scripted.
 */
export interface AskRecord {
  question: string;
  kind: Reply['kind'];
  id: string | null;
  confidence: number;
  answer: string | null;
  /**
   * The reply as the student reads it, whatever its kind: a decline or "did you mean…?" too,
   * which may say why ("the lecture gives no example of…"). An addition to the contract, safe to ignore.
   */
  text: string;
  suggestions: string[];
  /** The lecture section the answer cites, as its anchor on the lecture page (`/lecture#<source>`). */
  source: string | null;
  /** Why the matcher decided as it did; an addition to the contract, safe to ignore. */
  explain: {
    normalised: string;
    terms: string[];
    corrections: string[];
    unknown: string[];
    /** The rules' own decision and the question model's likeliest classes, when the model weighed in (secondOpinion.ts). */
    opinion?: { rule: string; kind: string; id: string | null; classes: { id: string; p: number }[] };
    candidates: { id: string; score: number; matched: string }[];
    /** The decision rule that decided (`src/matching/rules/index.ts`). */
    rule: string;
  } | null;
}

/** The `--json` record for one question. */
export function toRecord(question: string, reply: Reply): AskRecord {
  const answered = reply.kind === 'answer' || reply.kind === 'smalltalk';
  return {
    question,
    kind: reply.kind,
    id: answered ? reply.id : null,
    confidence: reply.confidence,
    answer: answered ? reply.text : null,
    text: reply.text,
    suggestions: reply.suggestions.map((suggestion) => suggestion.id),
    source: answered ? (reply.source?.anchor ?? null) : null,
    explain: reply.match
      ? {
          normalised: reply.match.normalised,
          ...reply.match.explanation,
          candidates: reply.match.candidates,
          rule: reply.match.rule,
        }
      : null,
  };
}

/** The reply as plain text, buttons listed underneath. */
export function formatReply(reply: Reply): string {
  const buttons = reply.suggestions.map((suggestion) => `[${suggestion.title}]`).join('  ');
  return buttons ? `${reply.text}\n\n${buttons}` : reply.text;
}

/** How to call `ask`, printed after a usage error. */
export const ASK_USAGE =
  'Usage: npm run --silent ask -- "What is PaaS?"\n' +
  '       npm run --silent ask -- --json "What is PaaS?"\n' +
  '       npm run --silent ask -- --json < questions.txt\n' +
  '       npm run --silent ask -- --session [--json] < conversation.txt';

/** What the command line asks for: one question from the arguments, or many from stdin. */
export interface AskArgs {
  json: boolean;
  session: boolean;
  /** The words of the question; empty with `--json` or `--session`, which then read stdin. */
  question: string;
}

/** Reads `ask`'s flags; an unknown flag or a value given to one is a `UsageError` naming it. */
export function readAskArgs(args: string[]): AskArgs {
  const { values, positionals } = readFlags({
    args,
    options: { json: { type: 'boolean', default: false }, session: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  return { json: values.json, session: values.session, question: positionals.join(' ').trim() };
}

/** `ask` itself: answers its exit code. */
export async function main(args: string[]): Promise<number> {
  const { json, session, question } = readAskArgs(args);
  // Only read when the arguments make sense: a mistyped flag fails before the knowledge base loads.
  if (!json && !session && question === '') throw new UsageError('No question given.');
  const dir = defaultKnowledgeDir();
  const kb = loadKnowledgeBase(dir);
  const model = readQuestionModel(dir, kb);
  // As the bot does: the trained model when it fits, the rules alone otherwise.
  const matcher = new Matcher(kb, {}, undefined, model.ok ? new QuestionClassifier(model.model) : undefined);
  const answerer = new Answerer(kb, matcher);

  if (session) {
    // Each line is the next message of one conversation, remembered as the bot remembers it.
    const conversation = new Conversation(kb, matcher, answerer, new Quiz(kb, matcher));
    let memory = freshMemory();
    let progress = emptyProgress();
    for await (const line of questionLines()) {
      const turn = conversation.respond(line, memory, progress);
      memory = turn.memory;
      progress = turn.progress ?? progress;
      process.stdout.write(json ? `${JSON.stringify(toRecord(line, turn.reply))}\n` : `you › ${line}\n${formatReply(turn.reply)}\n\n`);
    }
    return EXIT.ok;
  }
  if (json && question !== '') {
    process.stdout.write(`${JSON.stringify(toRecord(question, answerer.answerQuestion(question)))}\n`);
    return EXIT.ok;
  }
  if (json) {
    for await (const line of questionLines()) {
      process.stdout.write(`${JSON.stringify(toRecord(line, answerer.answerQuestion(line)))}\n`);
    }
    return EXIT.ok;
  }
  process.stdout.write(`${formatReply(answerer.answerQuestion(question))}\n`);
  return EXIT.ok;
}

/** Standard input's non-empty lines, trimmed. */
async function* questionLines(): AsyncGenerator<string> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const question = line.trim();
    if (question !== '') yield question;
  }
}

if (require.main === module) {
  void runCli(main, process.argv.slice(2), ASK_USAGE).then((code) => {
    process.exitCode = code;
  });
}
