import { createInterface } from 'node:readline';
import { Answerer, type Reply } from '../answering/Answerer';
import { Conversation } from '../conversation/Conversation';
import { freshMemory } from '../conversation/memory';
import { emptyProgress } from '../quiz/progress';
import { Quiz } from '../quiz/Quiz';
import { toError } from '../errors';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../knowledge/locateKnowledgeDir';
import { Matcher } from '../matching/Matcher';

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
  suggestions: string[];
  /** The lecture section the answer cites, as its anchor on the lecture page (`/lecture#<source>`). */
  source: string | null;
  /** Why the matcher decided as it did; an addition to the contract, safe to ignore. */
  explain: {
    normalised: string;
    terms: string[];
    corrections: string[];
    unknown: string[];
    candidates: { id: string; score: number; matched: string }[];
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
    suggestions: reply.suggestions.map((suggestion) => suggestion.id),
    source: answered ? (reply.source?.anchor ?? null) : null,
    explain: reply.match
      ? {
          normalised: reply.match.normalised,
          ...reply.match.explanation,
          candidates: reply.match.candidates,
        }
      : null,
  };
}

/** The reply as plain text, buttons listed underneath. */
export function formatReply(reply: Reply): string {
  const buttons = reply.suggestions.map((suggestion) => `[${suggestion.title}]`).join('  ');
  return buttons ? `${reply.text}\n\n${buttons}` : reply.text;
}

async function main(args: string[]): Promise<void> {
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const matcher = new Matcher(kb);
  const answerer = new Answerer(kb, matcher);
  const json = args.includes('--json');

  if (args.includes('--session')) {
    // Each line is the next message of one conversation, remembered as the bot remembers it.
    const conversation = new Conversation(kb, matcher, answerer, new Quiz(kb, matcher));
    let memory = freshMemory();
    let progress = emptyProgress();
    for await (const question of questionLines()) {
      const turn = conversation.respond(question, memory, progress);
      memory = turn.memory;
      progress = turn.progress ?? progress;
      process.stdout.write(json ? `${JSON.stringify(toRecord(question, turn.reply))}\n` : `you › ${question}\n${formatReply(turn.reply)}\n\n`);
    }
    return;
  }
  if (json) {
    for await (const question of questionLines()) {
      process.stdout.write(`${JSON.stringify(toRecord(question, answerer.answerQuestion(question)))}\n`);
    }
    return;
  }
  const question = args.filter((arg) => !arg.startsWith('--')).join(' ').trim();
  if (question === '') {
    process.stderr.write(
      'Usage: npm run --silent ask -- "What is PaaS?"\n' +
        '       npm run --silent ask -- --json < questions.txt\n' +
        '       npm run --silent ask -- --session [--json] < conversation.txt\n',
    );
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`${formatReply(answerer.answerQuestion(question))}\n`);
}

/** Standard input's non-empty lines, trimmed. */
async function* questionLines(): AsyncGenerator<string> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const question = line.trim();
    if (question !== '') yield question;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((thrown: unknown) => {
    process.stderr.write(`${toError(thrown).message}\n`);
    process.exitCode = 1;
  });
}
