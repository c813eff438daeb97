import type { Reply } from '../answering/Answerer';
import type { RecordSink } from './records';

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

  /** Records a reply that did not answer, or answered with little confidence. */
  async reply(reply: Reply, conversationId: string): Promise<void> {
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
      conversation: this.options.hash(conversationId),
    });
  }

  async feedback(vote: Vote, userId: string): Promise<void> {
    await this.sink.add({ kind: 'feedback', ...vote, at: this.now().toISOString(), user: this.options.hash(userId) });
  }
}
