import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';

/**
 * A second opinion on what a question is about, learnt from questions students asked: a
 * multinomial logistic regression over the matcher's own terms (stems after typo correction and
 * synonyms), the message's own stemmed words, and the adjacent pairs of each. The rules read
 * words the knowledge base uses; students who describe a situation use words it does not, in
 * patterns no rule was written for, and a model trained on thousands of labelled questions
 * generalises to those patterns where rules do not (docs/understanding.md has the
 * cross-validated comparison).
 *
 * It is trained at build time by `npm run kb:train` (scripts/model/train.ts) into
 * `knowledge/question-model.json`; an instance only reads it and adds up a few weights per
 * question. Nothing is downloaded or learnt at run time.
 */

/** The model's file in a knowledge folder, beside the YAML (or, in a package, knowledge.json). */
export const QUESTION_MODEL_FILE = 'question-model.json';

/** The class of questions the lecture does not answer: students' off-topic and adjacent questions. */
export const DECLINE_CLASS = '-';

/** Raised whenever the file's shape or the features change, so that an older model is refused. */
export const QUESTION_MODEL_FORMAT = 6;

/** Whether every element is a finite number: checked in one loop, see `QuestionModelSchema`. */
const finiteNumbers = z.custom<number[]>((value) => Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item)), 'expected an array of numbers');
const strings = z.custom<string[]>((value) => Array.isArray(value) && value.every((item) => typeof item === 'string'), 'expected an array of strings');

/**
 * The model, as its file holds it and the classifier reads it: the features, and their
 * `[class, weight, …]` pairs laid end to end, feature `i`'s ending at `ends[i]`. Flat arrays, each
 * checked in one loop, rather than an object keyed by feature checked element by element: such an
 * object of 12,000 features took 40 ms of an instance's start to validate, these arrays of 17,000
 * about 6 (docs/understanding.md, fourth session).
 */
export const QuestionModelSchema = z.object({
  format: z.literal(QUESTION_MODEL_FORMAT),
  /** SHA-256 of everything it was trained from: knowledge files, labelled questions, options. */
  inputs: z.string().length(64),
  /** Entry ids, smalltalk ids and `DECLINE_CLASS`. */
  classes: z.array(z.string().min(1)).min(2),
  bias: finiteNumbers,
  features: strings,
  ends: finiteNumbers,
  pairs: finiteNumbers,
});

export type QuestionModel = z.infer<typeof QuestionModelSchema>;

/** A model's features and weights, from each feature's `[class, weight, …]` row, in the order given. */
export function flattenWeights(rows: Iterable<readonly [string, readonly number[]]>): Pick<QuestionModel, 'features' | 'ends' | 'pairs'> {
  const features: string[] = [];
  const ends: number[] = [];
  const pairs: number[] = [];
  for (const [feature, row] of rows) {
    features.push(feature);
    pairs.push(...row);
    ends.push(pairs.length);
  }
  return { features, ends, pairs };
}

/** Each feature with its `[class, weight, …]` row: what `flattenWeights` took. */
export function weightRows(model: Pick<QuestionModel, 'features' | 'ends' | 'pairs'>): [string, number[]][] {
  return model.features.map((feature, i) => [feature, model.pairs.slice(i === 0 ? 0 : (model.ends[i - 1] ?? 0), model.ends[i] ?? 0)]);
}

/**
 * What the schema's types cannot say: one bias a class, one end a feature, no feature twice, and
 * each feature's run of values `[class, weight]` pairs of its classes. Undefined when all hold.
 */
export function modelFault(model: QuestionModel): string | undefined {
  const classCount = model.classes.length;
  if (model.bias.length !== classCount) return `${String(model.bias.length)} biases for ${String(classCount)} classes`;
  if (model.ends.length !== model.features.length || (model.ends.at(-1) ?? 0) !== model.pairs.length) {
    return `${String(model.ends.length)} ends for ${String(model.features.length)} features and ${String(model.pairs.length)} values`;
  }
  if (new Set(model.features).size !== model.features.length) return 'a feature listed twice';
  let start = 0;
  for (const [i, end] of model.ends.entries()) {
    let fault = !Number.isInteger(end) || end < start || (end - start) % 2 !== 0;
    for (let at = start; !fault && at < end; at += 2) {
      const c = model.pairs[at] ?? -1;
      fault = !Number.isInteger(c) || c < 0 || c >= classCount;
    }
    if (fault) return `weights for "${model.features[i] ?? ''}" that are not [class, weight] pairs of its ${String(classCount)} classes`;
    start = end;
  }
  return undefined;
}

/** One class and its probability. */
export interface Opinion {
  id: string;
  p: number;
}

/** Marks a term the knowledge base never uses (Matcher.questionText). */
export const UNKNOWN_MARK = '?';

/** What the model reads of a question: the matcher's terms, unknown ones marked, and the message's own stemmed words. */
export interface QuestionText {
  terms: string[];
  words: string[];
  /** What the matcher read the question to ask besides its topic (`readingSignals`). */
  signals: string[];
}

/** Marks a feature from the message's own words rather than the matcher's terms. */
export const WORD_MARK = '~';

/**
 * Marks a word a negation governs: "not", "no", "never", "without" and the few words after them.
 * "Reasons not to move" and "does not make me patch" say the opposite of their words' bag.
 */
export const NEGATED_MARK = '!';
const NEGATORS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'against']);
/** How many words after a negator it governs: "not make me patch", "not to move". */
const NEGATION_SCOPE = 3;

/** Marks a feature from the matcher's reading of the question (`readingSignals`): a direction, a side, a list. */
export const SIGNAL_MARK = '^';

/**
 * A question's features: its terms and each adjacent pair of them, without repeats, and whether
 * a third, or two thirds, of its terms are words the knowledge base never uses. Pairs carry what
 * single stems lose: "no server" and "own server" share "server". The share of unknown words,
 * not their number, because a long scenario has several ("black friday") and is still a
 * question for the lecture; cross-validated, shares gave more right answers and fewer wrong
 * ones than counts (docs/understanding.md).
 *
 * Then the message's own words (`WORD_MARK`), stemmed, and each adjacent pair: the function
 * words the matcher sets aside say much to a model that weighs them ("not want", "the most",
 * "i need"), and a word's pair with its neighbour says it before synonyms and typo correction
 * rewrite either. Cross-validated over every labelled set, the words took the model alone from
 * 94.0% to 96.5% right and its confident wrong answers from 131 to 67 (docs/understanding.md,
 * fifth session).
 *
 * The words a negation governs are marked again (`NEGATED_MARK`), as in sentiment analysis: "not
 * make me patch" and "reasons not to move" are not the bag of their words. Cross-validated
 * through the matcher, 4 fewer confident wrong answers over every labelled set, 2 of them on the
 * sets written to score the bot, for one more right (seventh session).
 */
export function questionFeatures(terms: readonly string[], words: readonly string[] = [], signals: readonly string[] = []): string[] {
  const features = new Set<string>();
  let unknown = 0;
  terms.forEach((term, index) => {
    features.add(term);
    if (index > 0) features.add(`${terms[index - 1] ?? ''} ${term}`);
    if (term.startsWith(UNKNOWN_MARK)) unknown += 1;
  });
  if (unknown > 0 && 3 * unknown >= terms.length) features.add(UNKNOWN_MARK);
  if (unknown > 0 && 3 * unknown >= 2 * terms.length) features.add(UNKNOWN_MARK.repeat(2));
  let negated = 0;
  words.forEach((word, index) => {
    features.add(`${WORD_MARK}${word}`);
    if (index > 0) features.add(`${WORD_MARK}${words[index - 1] ?? ''} ${word}`);
    if (negated > 0) {
      features.add(`${NEGATED_MARK}${word}`);
      negated -= 1;
    }
    if (NEGATORS.has(word)) negated = NEGATION_SCOPE;
  });
  for (const signal of signals) features.add(`${SIGNAL_MARK}${signal}`);
  return [...features];
}

/**
 * What each of a question's `count` features weighs, the same in training and at run time:
 * `count ** -0.4`. Unscaled, a long question would be more certain for having more words; scaled
 * by one over the square root (as until the sixth session), its few telling words were drowned
 * by its many neutral ones, and long messages the model had right were declined as unsure.
 * Cross-validated over every labelled set, 0.4 gave 67 more right answers for 9 more confident
 * wrong ones than 0.5; 0.3 and 0.15 gained fewer than five right answers for each further wrong
 * one (docs/understanding.md, sixth session).
 */
export function featureScale(count: number): number {
  return Math.max(1, count) ** -0.4;
}

/** Reads a model once per instance; built from trusted build output, but checked like any input. */
export class QuestionClassifier {
  private readonly logits: Float64Array;
  /** Each feature's place in `ends`, indexed once per instance. */
  private readonly featureIndex: ReadonlyMap<string, number>;

  constructor(private readonly model: QuestionModel) {
    this.logits = new Float64Array(model.classes.length);
    this.featureIndex = new Map(model.features.map((feature, i) => [feature, i]));
  }

  get classes(): readonly string[] {
    return this.model.classes;
  }

  /** Every class with its probability, best first, from a question's terms and its own words (`questionFeatures`). */
  classify(terms: readonly string[], words: readonly string[] = [], signals: readonly string[] = []): Opinion[] {
    const { logits } = this;
    const { bias, ends, pairs, classes } = this.model;
    for (let c = 0; c < logits.length; c++) logits[c] = bias[c] ?? 0;
    const features = questionFeatures(terms, words, signals);
    // Scaled as in training (`featureScale`).
    const scale = featureScale(features.length);
    for (const feature of features) {
      const f = this.featureIndex.get(feature);
      if (f === undefined) continue;
      for (let i = f === 0 ? 0 : (ends[f - 1] ?? 0), end = ends[f] ?? 0; i + 1 < end; i += 2) {
        const c = pairs[i] ?? 0;
        logits[c] = (logits[c] ?? 0) + (pairs[i + 1] ?? 0) * scale;
      }
    }
    return softmax(logits).map((p, c) => ({ id: classes[c] ?? DECLINE_CLASS, p })).sort((a, b) => b.p - a.p);
  }
}

/** Probabilities from scores, shifted by the largest first so that no exponential overflows. */
export function softmax(logits: Float64Array): number[] {
  const max = logits.reduce((best, value) => Math.max(best, value), -Infinity);
  const exps = Array.from(logits, (value) => Math.exp(value - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

export type QuestionModelResult = { ok: true; model: QuestionModel } | { ok: false; reason: string };

/**
 * The model in a knowledge folder, if there is one and every class it predicts is an entry of
 * the knowledge base (or the decline class): a model trained for another knowledge base is refused, so
 * the matcher never answers with an id that no longer exists.
 */
export function readQuestionModel(dir: string, kb: Pick<KnowledgeBase, 'get'>): QuestionModelResult {
  const path = join(dir, QUESTION_MODEL_FILE);
  if (!existsSync(path)) return { ok: false, reason: `there is no ${QUESTION_MODEL_FILE}` };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, reason: `${QUESTION_MODEL_FILE} is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = QuestionModelSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `${QUESTION_MODEL_FILE} is not a question model: ${z.prettifyError(parsed.error)}` };
  const unknown = parsed.data.classes.filter((id) => id !== DECLINE_CLASS && kb.get(id) === undefined);
  if (unknown.length > 0) return { ok: false, reason: `${QUESTION_MODEL_FILE} predicts entries the knowledge base does not have (${unknown.join(', ')}); run npm run kb:train` };
  const fault = modelFault(parsed.data);
  if (fault !== undefined) return { ok: false, reason: `${QUESTION_MODEL_FILE} has ${fault}` };
  return { ok: true, model: parsed.data };
}
