import type { Reply } from '../answering/Answerer';
import type { GradedAnswer } from '../quiz/Quiz';
import type { RecordSink, TurnOutcome } from './records';

export interface RecorderOptions {
  /** Answers below this confidence are recorded for review, as well as fallbacks and clarifications. */
  lowConfidence: number;
  hash: (id: string) => string;
  now?: () => Date;
}

/** What a student's 👍 or 👎 refers to; it travels in the button's value. */
export interface Vote {
  vote: 'up' | 'down';
  entryId: string;
  question: string;
  confidence: number;
}

/** How the dashboard names each kind of reply to a question. */
const OUTCOMES: Readonly<Record<Reply['kind'], TurnOutcome>> = { answer: 'answered', clarify: 'clarified', fallback: 'declined', smalltalk: 'smalltalk' };

/**
 * Decides what is worth keeping from a turn and hands it to the sink. Channel-free, so the bot,
 * the tests and any other host record the same things.
 */
export class Recorder {
  private readonly now: () => Date;

  constructor(
    private readonly sink: RecordSink,
    private readonly options: RecorderOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Records every question turn for the staff dashboard (how it ended, the entry), and, for
   * `kb:review`, the words of a question that did not get an answer, or got one with little confidence.
   */
  async reply(reply: Reply, conversationId: string): Promise<void> {
    // Hashed once: both records name the same conversation, and a hash per record is work per turn.
    const conversation = this.options.hash(conversationId);
    await Promise.all([this.turn(reply, conversation), this.unanswered(reply, conversation)]);
  }

  /** One graded quiz answer (`TurnResult.quizAnswer`), for the dashboard's quiz results by topic. */
  async quizAnswer(answer: GradedAnswer, conversationId: string): Promise<void> {
    await this.sink.add({ kind: 'quiz-answer', ...answer, at: this.now().toISOString(), conversation: this.options.hash(conversationId) });
  }

  private async turn(reply: Reply, conversation: string): Promise<void> {
    // A reply with neither a match nor an entry is the quiz's (its questions, verdicts and
    // progress), counted by `quizAnswer`. Smalltalk is answered from the words without a match;
    // any other reply without one was chosen by id (a topic button, a suggestion's title, a pick
    // from "Did you mean").
    if (reply.match?.normalised === '' || (!reply.match && reply.id === null)) return;
    const via = reply.match || reply.kind === 'smalltalk' ? 'typed' : 'button';
    await this.sink.add({
      kind: 'turn',
      outcome: OUTCOMES[reply.kind],
      entryId: reply.id,
      via,
      at: this.now().toISOString(),
      conversation,
    });
  }

  private async unanswered(reply: Reply, conversation: string): Promise<void> {
    const match = reply.match;
    if (!match) return; // A button press: nothing was matched.
    const outcome =
      reply.kind === 'fallback' || reply.kind === 'clarify'
        ? reply.kind
        : reply.kind === 'answer' && reply.confidence < this.options.lowConfidence
          ? 'low-confidence'
          : undefined;
    if (outcome === undefined || match.normalised === '') return;
    await this.sink.add({
      kind: 'question',
      outcome,
      question: match.normalised,
      confidence: reply.confidence,
      candidates: match.candidates.slice(0, 3).map(({ id, score }) => ({ id, score })),
      at: this.now().toISOString(),
      conversation,
    });
  }

  async feedback(vote: Vote, userId: string): Promise<void> {
    await this.sink.add({ kind: 'feedback', ...vote, at: this.now().toISOString(), user: this.options.hash(userId) });
  }
}
