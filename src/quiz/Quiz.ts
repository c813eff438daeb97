import { Answerer, type FactSheet } from '../answering/Answerer';
import { z } from 'zod';
import { isTopic, type KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { LectureSection } from '../knowledge/lecture';
import type { TopicEntry } from '../knowledge/schema';
import type { Matcher } from '../matching/Matcher';
import { normalise } from '../matching/normalise';
import { fuseOptionSearch, type OptionSearch } from './optionSearch';
import { grade, type LastRound, MASTERED_BOX, masteryOf, type Progress } from './progress';
import { readStartRequest } from './startRequest';

/** One question, ready to ask: its options in display order and which one is right. */
export interface QuizItem {
  /** `<entry id>#<n>`, stable while the knowledge base keeps the question in place. */
  id: string;
  entryId: string;
  prompt: string;
  options: string[];
  correct: number;
  because: string;
}

/** The round in progress, kept in conversation state between turns. */
export const QuizSessionSchema = z.object({
  /** The entry the round is about (with its sub-entries), or null for the whole lecture. */
  scope: z.string().nullable(),
  questions: z.array(z.string()).min(1),
  index: z.number().int().min(0),
  right: z.number().int().min(0),
  answered: z.number().int().min(0),
  /** Set when the student asked something else mid-quiz; "resume" clears it. */
  paused: z.boolean().default(false),
  /** The questions answered wrong or revealed so far, for "what did I get wrong?". */
  missed: z.array(z.string()).default([]),
});

export type QuizSession = z.infer<typeof QuizSessionSchema>;

/** What a quiz turn says; the channel renders `options` as buttons or lettered lines. */
export interface QuizReply {
  text: string;
  /** The question being asked now, if any: its id and its options, for buttons. */
  ask?: { questionId: string; options: string[] };
  /** A per-topic summary, for channels that render it as a card. */
  facts?: FactSheet;
}

const NO_PROGRESS = 'No quiz answers yet. Say "quiz me" to start.';
const NO_HINTS = 'No hints in the quiz, but you can ask me about the topic first, say "I don\'t know" to see the answer, or "skip".';
const NO_QUIZ = 'No quiz is running. Say "quiz me" whenever you want one, or ask me anything about the lecture.';

/** A progress sheet as Markdown, for channels that show no cards. */
function progressText(sheet: FactSheet): string {
  return [`**${sheet.heading}**`, '', ...sheet.rows.map((row) => `- ${row.title}: ${row.value}`), '', sheet.note].join('\n');
}

/** One answer the quiz graded: which question, about which entry, and whether it was right. */
export interface GradedAnswer {
  questionId: string;
  entryId: string;
  correct: boolean;
}

export interface QuizTurn {
  reply: QuizReply;
  session: QuizSession | null;
  progress: Progress;
  /** The answer this turn graded, if it graded one: for the teaching team's quiz results. */
  graded?: GradedAnswer;
}

export const ROUND_SIZE = 10;
const LETTERS = 'ABCDE';

const PROGRESS = /^(?:show )?(?:my )?progress$|^how am i doing$/;
const STOP = /^(?:stop|end|quit|exit|cancel)(?: (?:the )?quiz)?$/;
// "Thanks, that's enough", "I'm done": a round ended in students' words, which without a round
// running are no command ("thanks, that's enough" is a goodbye).
const ENOUGH = /^(?:(?:thanks|thank you|cheers) )?(?:enough|that is enough|i am done|done|finish|no more)(?: (?:the )?quiz| for now)?$/;
/** "Score", "how did I do?", "how many have I got right so far?" ("so" is filler): the round's standing. */
const SCORE = /^(?:(?:what is )?(?:my |the )?score(?: (?:so )?far)?|how (?:did|have|do) i (?:do|done|doing)(?: (?:so )?far)?|how many (?:did i get|have i got|have i gotten|do i have|are right|did i get right)(?: right)?(?: (?:so )?far)?)$/;
/** "What did I get wrong?", "which ones did I miss?": the questions missed, with their answers. */
const MISSED = /^(?:(?:what|which)(?: ones?| questions?)? (?:did i|have i) (?:get|got|gotten|answer|answered) wrong(?: so far)?|(?:what|which)(?: ones?| questions?)? did i miss|show (?:me )?(?:my )?mistakes|my mistakes|where did i go wrong)$/;
/** "Why?" just after an answer was graded: the lecture's reason for that answer, given again. */
const WHY = /^(?:why|why is that|why not|how come|but why|explain|why is it|why was i wrong|why is that (?:right|wrong))$/;
const SKIP = /^(?:skip|pass|next|next one|next question|another|another one|another question|one more|one more question|move on|(?:ask|give) me (?:another|the next)(?: one| question)?|skip (?:it|this|this one))$/;
/** "What's the answer?", "I don't know": the answer is shown, and counts as not known. */
const REVEAL = /^(?:(?:ok|okay|so|stop|just|please|come on|go on) )?(?:(?:what|which) (?:is|was) (?:the |it )?(?:right |correct )?(?:answer|one)|(?:tell|show|give) me the (?:right |correct )?answer|(?:the )?answer|(?:i )?(?:do not|dont) know|idk|no idea|not sure|(?:i )?give up|(?:just )?tell me)(?: (?:so |just |please |then )?(?:tell me|show me|what is it|what is the answer)(?: please)?)?$/;
/** "Hint?": the quiz gives none, but says what it does offer rather than reading it as an answer. */
const HINT = /^(?:can i have |could i have |give me |any |got any )?(?:a )?(?:hint|hints|clue|clues|tip)$/;
/**
 * A reply that can only be meant as a quiz answer: a letter, true or false. Not "yes" or "no",
 * which may answer the bot, nor a number, which may pick from "did you mean…?".
 */
const OPTION_LIKE = /^(?:\(?[a-z]\)?|true|false)$/;
const RESUME = /^(?:resume|continue|back to (?:the )?quiz|continue (?:the )?quiz|resume (?:the )?quiz)$/;

/**
 * Study mode: rounds of questions authored next to the entries they test, picked weakest and
 * most overdue first, with a spaced-repetition record per entry. Channel-free and deterministic
 * given `now`, so the bot, `ask --session` and the tests run the same quiz.
 */
export class Quiz {
  private readonly items: readonly QuizItem[];
  private readonly byId: ReadonlyMap<string, QuizItem>;
  /** Each question's option search, built on its first typed answer and kept for every later one. */
  private readonly optionSearches = new Map<string, OptionSearch>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly matcher: Matcher,
    /** How explanations cite the lecture: the Answerer's citation, linked where there is a lecture page. */
    private readonly cite: (section: LectureSection) => string = (section) => new Answerer(kb, matcher).citation(section),
    /** Builds the search over one question's options (a Fuse index); called at most once per question. */
    private readonly searchOptions: (options: readonly string[]) => OptionSearch = fuseOptionSearch,
  ) {
    this.items = kb.topics.flatMap((entry) => itemsOf(entry, kb));
    this.byId = new Map(this.items.map((item) => [item.id, item]));
  }

  get size(): number {
    return this.items.length;
  }

  /** The questions of a scope: an entry and everything under it, or the whole lecture. */
  itemsIn(scope: string | null): QuizItem[] {
    return scope === null ? [...this.items] : this.items.filter((item) => item.entryId === scope || item.entryId.startsWith(`${scope}.`));
  }

  /**
   * A round: entries ordered weakest first, then most overdue, one question per entry in turn,
   * each entry's least-asked question first. Never-seen entries count as weakest and due now.
   */
  selectRound(scope: string | null, progress: Progress, now: number, size = ROUND_SIZE): string[] {
    const byEntry = new Map<string, QuizItem[]>();
    for (const item of this.itemsIn(scope)) byEntry.set(item.entryId, [...(byEntry.get(item.entryId) ?? []), item]);
    const entries = [...byEntry.keys()].sort((a, b) => {
      const ma = masteryOf(progress, a, now);
      const mb = masteryOf(progress, b, now);
      return ma.box - mb.box || ma.due - mb.due || a.localeCompare(b);
    });
    const round: string[] = [];
    for (let pass = 0; round.length < size && pass < size; pass++) {
      let added = false;
      for (const entryId of entries) {
        const questions = byEntry.get(entryId) ?? [];
        const asked = masteryOf(progress, entryId, now);
        const item = questions[(asked.right + asked.wrong + pass) % questions.length];
        if (pass < questions.length && item && !round.includes(item.id) && round.length < size) {
          round.push(item.id);
          added = true;
        }
      }
      if (!added) break;
    }
    return round;
  }

  /**
   * Handles a message if it is a quiz command or an answer to the current question; returns
   * undefined for anything else, which the caller answers as a normal question.
   */
  respond(text: string, session: QuizSession | null, progress: Progress, now: number): QuizTurn | undefined {
    const said = normalise(text);
    const start = readStartRequest(said);
    if (start) return this.start(start.topic, progress, now, start.size);
    if (PROGRESS.test(said)) {
      const facts = this.progressSheet(progress, now);
      if (facts) return { reply: { text: progressText(facts), facts }, session, progress };
      // With nothing answered, a card of zeros would only repeat the sentence; in a round, where it stands.
      return { reply: session === null ? { text: NO_PROGRESS } : this.ask(session, `No answers yet in this round: question ${String(session.index + 1)} of ${String(session.questions.length)}.`), session, progress };
    }
    if (session === null) {
      // With no quiz running, "stop quiz" or a bare "stop" or "exit" is still a command, not a
      // question: matched as one, "stop" found "can contracts stop me using the cloud". The score
      // and the mistakes are the last round's, if there was one.
      if (STOP.test(said)) return { reply: { text: NO_QUIZ }, session, progress };
      const last = progress.lastRound;
      if (last !== undefined && SCORE.test(said)) return { reply: { text: `Your last round: ${score(last)}. Say "quiz me" for another.` }, session, progress };
      if (last !== undefined && MISSED.test(said)) return { reply: { text: this.missedText(last.missed, 'your last round') }, session, progress };
      return undefined;
    }
    if (STOP.test(said) || ENOUGH.test(said)) return { reply: { text: `Quiz stopped: ${score(session)}. Say "quiz me" whenever you want another round.` }, session: null, progress: ended(session, progress) };
    if (SCORE.test(said)) return { reply: this.ask(session, `So far: ${standing(session)}.`), session, progress };
    if (MISSED.test(said)) return { reply: this.ask(session, this.missedText(session.missed, 'this round')), session, progress };
    const previous = session.questions[session.index - 1];
    // Not after a question asked mid-round, whose "why?" is about its answer.
    const reason = previous === undefined || session.answered === 0 || session.paused || !WHY.test(said) ? undefined : this.byId.get(previous);
    if (reason !== undefined) return { reply: this.ask(session, `The lecture says, for the last question ("${reason.prompt}", answer **${reason.options[reason.correct] ?? ''}**):\n\n> ${reason.because}`), session, progress };
    if (SKIP.test(said)) return this.advance({ ...session, index: session.index + 1, paused: false }, progress, 'Skipped.');
    if (REVEAL.test(said)) return this.answer(session, null, progress, now);
    if (HINT.test(said)) return { reply: this.ask(session, NO_HINTS), session, progress };
    if (RESUME.test(said)) return { reply: this.ask({ ...session, paused: false }), session: { ...session, paused: false }, progress };
    const item = this.current(session);
    const choice = item ? this.choiceIn(said, item) : undefined;
    if (choice !== undefined) return this.answer(session, choice, progress, now);
    // "C" to a true-or-false question, "false" to a choice of three: meant as an answer, which
    // matched as a question would be declined. The question again, with the answers it takes.
    if (item !== undefined && OPTION_LIKE.test(said)) {
      const letters = item.options.map((_, index) => LETTERS[index] ?? '?');
      return { reply: this.ask(session, `"${text.trim()}" is not one of this question's answers: answer ${letters.slice(0, -1).join(', ')} or ${letters.at(-1) ?? ''}.`), session, progress };
    }
    return undefined;
  }

  /** A pressed option button: it names its question, so a stale button cannot answer another one. */
  respondToChoice(questionId: string, choice: number, session: QuizSession | null, progress: Progress, now: number): QuizTurn | undefined {
    if (session === null || this.current(session)?.id !== questionId) return undefined;
    return this.answer(session, choice, progress, now);
  }

  /** The note added to a normal answer given mid-quiz. */
  pausedNote(session: QuizSession): string {
    return `_You are in a quiz (question ${String(session.index + 1)} of ${String(session.questions.length)}). Say "resume" to go back to it, or "stop quiz"._`;
  }

  private start(topic: string | undefined, progress: Progress, now: number, size = ROUND_SIZE): QuizTurn {
    // "Quiz me on the lecture", "on lecture 5": the whole lecture, asked for by name.
    const wholeLecture = topic === undefined || this.matcher.namesOnlyTheLecture(topic);
    const scope = wholeLecture ? null : this.scopeOf(topic);
    const questions = this.selectRound(scope, progress, now, Math.min(size, ROUND_SIZE));
    const about = scope === null ? 'the whole lecture' : `"${this.kb.get(scope)?.title ?? scope}"`;
    const unknown = !wholeLecture && scope === null ? `I have no quiz on "${topic}", so here is one on the whole lecture. ` : '';
    const session: QuizSession = { scope, questions, index: 0, right: 0, answered: 0, paused: false, missed: [] };
    const count = questions.length === 1 ? 'one question' : `${String(questions.length)} questions`;
    const intro = `${unknown}Quiz on ${about}: ${count}. Answer with a button, a letter or the answer itself; say "skip", "score" or "stop quiz" at any time.`;
    return { reply: this.ask(session, intro), session, progress };
  }

  /** The entry a topic names, using the matcher; only a confident match narrows the quiz. */
  private scopeOf(topic: string): string | null {
    const match = this.matcher.match(topic);
    const id = match.kind === 'answer' ? match.id : match.candidates[0]?.id;
    return id !== undefined && id !== null && this.itemsIn(id).length > 0 ? id : null;
  }

  private current(session: QuizSession): QuizItem | undefined {
    const id = session.questions[session.index];
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The questions missed, each with its right answer; or that there are none. */
  private missedText(missed: readonly string[], where: string): string {
    const items = missed.flatMap((id) => this.byId.get(id) ?? []);
    if (items.length === 0) return `Nothing wrong in ${where}.`;
    return [`What you missed in ${where}:`, '', ...items.map((item) => `- ${item.prompt} **${item.options[item.correct] ?? ''}**`)].join('\n');
  }

  /**
   * Which option a typed reply means: a letter, a number, an ordinal ("the first one"),
   * true/false, or an option's words, typos allowed; said with a hedge ("I think it's B",
   * "its true i guess") or not.
   */
  private choiceIn(typed: string, item: QuizItem): number | undefined {
    const said = typed.replace(HEDGE_BEFORE, '').replace(HEDGE_AFTER, '').trim();
    const ordinal = ORDINAL.exec(said)?.[1];
    if (ordinal !== undefined) return inRange(ORDINALS.includes(ordinal) ? ORDINALS.indexOf(ordinal) : Number(ordinal.charAt(0)) - 1, item);
    const letter = /^\(?([a-e])\)?$/.exec(said)?.[1];
    if (letter !== undefined) return inRange(LETTERS.toLowerCase().indexOf(letter), item);
    if (/^[1-5]$/.test(said)) return inRange(Number(said) - 1, item);
    if (item.options.length === 2 && item.options[0] === 'True') {
      if (/^(?:true|t|yes|y|right|correct)$/.test(said)) return 0;
      if (/^(?:false|f|no|n|wrong|incorrect)$/.test(said)) return 1;
    }
    return this.optionSearchOf(item)(said);
  }

  private optionSearchOf(item: QuizItem): OptionSearch {
    let search = this.optionSearches.get(item.id);
    if (search === undefined) {
      search = this.searchOptions(item.options);
      this.optionSearches.set(item.id, search);
    }
    return search;
  }

  /** The option chosen, graded; `null`: the student asked for the answer, which counts as not known. */
  private answer(session: QuizSession, choice: number | null, progress: Progress, now: number): QuizTurn {
    const item = this.current(session);
    if (!item) return { reply: { text: 'That quiz is over. Say "quiz me" for a new round.' }, session: null, progress };
    const right = choice === item.correct;
    const entry = this.kb.get(item.entryId);
    const section = entry && isTopic(entry) ? this.kb.sectionOf(entry) : undefined;
    const correct = item.options[item.correct] ?? '';
    const verdict = right ? '✅ Right!' : choice === null ? `The answer is **${correct}**.` : `❌ Not quite: the answer is **${correct}**.`;
    const explanation = `${verdict}\n\n> ${item.because}${section ? `\n\n${this.cite(section)}` : ''}`;
    const next = { ...session, index: session.index + 1, answered: session.answered + 1, right: session.right + (right ? 1 : 0), paused: false, missed: right ? session.missed : [...session.missed, item.id] };
    const graded: GradedAnswer = { questionId: item.id, entryId: item.entryId, correct: right };
    return { ...this.advance(next, grade(progress, item.entryId, right, now), explanation), graded };
  }

  /** Asks the next question, or ends the round with the score. */
  private advance(session: QuizSession, progress: Progress, lead: string): QuizTurn {
    if (session.index >= session.questions.length) {
      return {
        reply: { text: `${lead}\n\nRound over: ${score(session)}. Say "quiz me" for another round, or "my progress" to see how you are doing.` },
        session: null,
        progress: ended(session, progress),
      };
    }
    return { reply: this.ask(session, lead), session, progress };
  }

  private ask(session: QuizSession, lead?: string): QuizReply {
    const item = this.current(session);
    if (!item) return { text: lead ?? 'No question.' };
    const lines = item.options.map((option, index) => `${LETTERS[index] ?? '?'}. ${option}`);
    const heading = `**Question ${String(session.index + 1)} of ${String(session.questions.length)}:** ${item.prompt}`;
    return { text: [...(lead ? [lead, ''] : []), heading, '', ...lines].join('\n'), ask: { questionId: item.id, options: item.options } };
  }

  /** Per overview topic: how many of its entries are mastered, and the answers given; undefined before any answer. */
  progressSheet(progress: Progress, now: number): FactSheet | undefined {
    const rows = this.progressRows(progress, now);
    if (rows.every((row) => row.answered === 0)) return undefined;
    return {
      heading: 'Your progress',
      rows: rows.map((row) => ({
        title: row.title,
        value: `${String(row.mastered)} of ${String(row.entries)} mastered (${String(row.right)} right, ${String(row.answered - row.right)} wrong)`,
      })),
      note: 'Say "quiz me" to practise the weakest first.',
    };
  }

  progressRows(progress: Progress, now: number): { title: string; entries: number; mastered: number; right: number; answered: number }[] {
    return this.kb.overviews.flatMap((overview) => {
      const ids = [...new Set(this.itemsIn(overview.id).map((item) => item.entryId))];
      if (ids.length === 0) return [];
      const records = ids.map((id) => masteryOf(progress, id, now));
      return [{
        title: overview.title,
        entries: ids.length,
        mastered: records.filter((record) => record.box >= MASTERED_BOX).length,
        right: records.reduce((sum, record) => sum + record.right, 0),
        answered: records.reduce((sum, record) => sum + record.right + record.wrong, 0),
      }];
    });
  }
}

function score(round: Pick<QuizSession, 'right' | 'answered'>): string {
  return `${String(round.right)} of ${String(round.answered)} right`;
}

/** The progress once a round ends, finished or stopped: it keeps the round's score and mistakes. */
function ended(session: QuizSession, progress: Progress): Progress {
  const lastRound: LastRound = { right: session.right, answered: session.answered, missed: session.missed };
  return { ...progress, lastRound };
}

/** Words around a typed answer that hedge it: "I think it's B", "umm the first one?", "true I guess". */
const HEDGE_BEFORE = /^(?:(?:um+|uh+|erm+|hmm+|ok|okay|so|well) )*(?:(?:i (?:think|guess|reckon|would say|will go with|choose|pick)|maybe|probably|surely|is it|it is|its|it s|the answer is|answer)(?: (?:it is|its|it s|is))? )?/;
const HEDGE_AFTER = / (?:i think|i guess|maybe|probably|then|please|pls)$/;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
/** "The first one", "second option", "the 3rd": an option by its place. */
const ORDINAL = /^(?:the )?(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)(?: one| option| answer)?$/;

/** The score and the question the round is on. */
function standing(session: QuizSession): string {
  return `${score(session)}, question ${String(session.index + 1)} of ${String(session.questions.length)}`;
}

function inRange(index: number, item: QuizItem): number | undefined {
  return index >= 0 && index < item.options.length ? index : undefined;
}

/**
 * An entry's questions. Multiple-choice options are shuffled by a fixed rule (by the question's
 * own text), so the right answer is not always first, yet every run shows the same order.
 */
function itemsOf(entry: TopicEntry, kb: KnowledgeBase): QuizItem[] {
  return entry.quiz.map((question, index): QuizItem => {
    const id = `${entry.id}#${String(index + 1)}`;
    if (question.kind === 'true-false') {
      return { id, entryId: entry.id, prompt: `True or false: ${question.statement}`, options: ['True', 'False'], correct: question.correct ? 0 : 1, because: question.because };
    }
    const ids = [question.correct, ...question.distractors];
    let sum = 0;
    for (let i = 0; i < question.question.length; i++) sum += question.question.charCodeAt(i);
    const rotation = sum % ids.length;
    const ordered = [...ids.slice(rotation), ...ids.slice(0, rotation)];
    return {
      id,
      entryId: entry.id,
      prompt: question.question,
      options: ordered.map((optionId) => kb.get(optionId)?.title ?? optionId),
      correct: ordered.indexOf(question.correct),
      because: question.because,
    };
  });
}
