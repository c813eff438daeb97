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
 * `knowledge/question-model.bin`; an instance only reads it and adds up a few weights per
 * question. Nothing is downloaded or learnt at run time.
 */

/** The model's file in a knowledge folder, beside the YAML (or, in a package, knowledge.json). */
export const QUESTION_MODEL_FILE = 'question-model.bin';

/** The class of questions the lecture does not answer: students' off-topic and adjacent questions. */
export const DECLINE_CLASS = '-';

/** Raised whenever the file's shape or the features change, so that an older model is refused. */
export const QUESTION_MODEL_FORMAT = 8;

/**
 * Weights are trained to thousandths (trainQuestionModel.ts) and the file holds each as a whole
 * number of them, so that reading gives back exactly the weight that was written.
 */
const WEIGHT_UNIT = 1000;

/** Joins the features in the file. No feature holds it: they are words, stems and marks. */
const FEATURE_SEPARATOR = '\n';

/**
 * The model as the classifier reads it. `features` are sorted, each once, and found by binary
 * search; feature `i`'s weights are `weights[ends[i - 1] … ends[i])`, each for the class of the
 * same index in `targets`.
 */
export interface QuestionModel {
  format: number;
  /** SHA-256 of everything it was trained from: knowledge files, labelled questions, options. */
  inputs: string;
  /** Entry ids, smalltalk ids and `DECLINE_CLASS`. */
  classes: string[];
  bias: number[];
  features: string[];
  ends: Uint32Array;
  targets: Uint8Array;
  weights: Float64Array;
}

/** Whether every element is a finite number: checked in one loop. */
const finiteNumbers = z.custom<number[]>((value) => Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item)), 'expected an array of numbers');

/** The binary parts of the file, in the order they follow the header. */
const SECTIONS = ['features', 'counts', 'targets', 'weights'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * The file's header: what is small and read as JSON, and the length in bytes of each binary part
 * that follows it.
 */
const byteLength = z.number().int().nonnegative();
const HeaderSchema = z.object({
  format: z.literal(QUESTION_MODEL_FORMAT),
  inputs: z.string().length(64),
  classes: z.array(z.string().min(1)).min(2).max(255),
  bias: finiteNumbers,
  lengths: z.object({ features: byteLength, counts: byteLength, targets: byteLength, weights: byteLength }),
});

/**
 * The model's file as its parts: the header's fields, the features as one string, sorted, and
 * the numbers as bytes: each feature's number of weights (`counts`) and each weight's class
 * (`targets`) one byte each, and the weights in thousandths as little-endian 32-bit integers.
 */
export interface QuestionModelFile {
  format: number;
  inputs: string;
  classes: string[];
  bias: number[];
  features: string;
  counts: Uint8Array;
  targets: Uint8Array;
  weights: Uint8Array;
}

/**
 * The file: `MAGIC`, the header's length as a little-endian 32-bit integer, the header as
 * JSON, then the binary parts. Binary, because an instance reads the model at start: as JSON with
 * the numbers in base64 it took about 100 ms of a cold start to read as text, parse, validate and
 * decode; as bytes, about 45, with no text to parse and no base64 to decode (docs/performance.md,
 * thirteenth session). A file that is not one says so in its first bytes.
 */
const MAGIC = Buffer.from('CBQM');
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const HEADER_AT = MAGIC.length + 4;

/** A model's parts as the bytes of its file. */
export function serialiseQuestionModel(file: QuestionModelFile): Buffer {
  const features = Buffer.from(file.features, 'utf8');
  const parts: Record<Section, Uint8Array> = { features, counts: file.counts, targets: file.targets, weights: file.weights };
  const header = Buffer.from(
    JSON.stringify({
      format: file.format,
      inputs: file.inputs,
      classes: file.classes,
      bias: file.bias,
      lengths: Object.fromEntries(SECTIONS.map((section) => [section, parts[section].length])),
    }),
  );
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length);
  return Buffer.concat([MAGIC, headerLength, header, ...SECTIONS.map((section) => parts[section])]);
}

/** The parts of a model's file, or what is wrong with its shape. The binary parts are views of `bytes`, not copies. */
export function parseQuestionModelFile(bytes: Buffer): { ok: true; file: QuestionModelFile } | { ok: false; reason: string } {
  if (bytes.length < HEADER_AT || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, reason: 'it does not start with the model\'s mark (a model of an older format? run npm run kb:train)' };
  const headerEnd = HEADER_AT + bytes.readUInt32LE(MAGIC.length);
  if (headerEnd > bytes.length) return { ok: false, reason: 'its header runs past the end of the file' };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8', HEADER_AT, headerEnd));
  } catch (error) {
    return { ok: false, reason: `its header is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const header = HeaderSchema.safeParse(json);
  if (!header.success) return { ok: false, reason: `its header is not a question model's: ${z.prettifyError(header.error)}` };
  const { lengths, ...fields } = header.data;
  const total = SECTIONS.reduce((sum, section) => sum + lengths[section], 0);
  if (headerEnd + total !== bytes.length) return { ok: false, reason: `its parts come to ${String(total)} bytes after the header, where the file has ${String(bytes.length - headerEnd)}` };
  const countsAt = headerEnd + lengths.features;
  const targetsAt = countsAt + lengths.counts;
  const weightsAt = targetsAt + lengths.targets;
  let features: string;
  try {
    // Strict: a damaged byte would otherwise become U+FFFD quietly, a feature no question has.
    features = STRICT_UTF8.decode(bytes.subarray(headerEnd, countsAt));
  } catch {
    return { ok: false, reason: 'its features are not UTF-8' };
  }
  return {
    ok: true,
    file: {
      ...fields,
      features,
      counts: bytes.subarray(countsAt, targetsAt),
      targets: bytes.subarray(targetsAt, weightsAt),
      weights: bytes.subarray(weightsAt),
    },
  };
}

/**
 * The file of a model. Throws on a model the file cannot hold exactly (a weight finer than a
 * thousandth, a feature with more than 255 weights) or that `modelFault` finds wrong.
 */
export function encodeQuestionModel(model: QuestionModel): QuestionModelFile {
  const fault = modelFault(model);
  if (fault !== undefined) throw new Error(`Cannot write a question model with ${fault}`);
  const counts = Array.from(model.ends, (end, i) => end - (i === 0 ? 0 : (model.ends[i - 1] ?? 0)));
  if (counts.some((count) => count > 0xff)) throw new Error('Cannot write a feature with more than 255 weights');
  const weights = Buffer.alloc(4 * model.weights.length);
  model.weights.forEach((weight, i) => {
    const units = Math.round(weight * WEIGHT_UNIT);
    if (units / WEIGHT_UNIT !== weight || Math.abs(units) > 0x7fffffff) throw new Error(`Cannot write the weight ${String(weight)} in whole thousandths`);
    weights.writeInt32LE(units, 4 * i);
  });
  return {
    format: QUESTION_MODEL_FORMAT,
    inputs: model.inputs,
    classes: model.classes,
    bias: model.bias,
    features: model.features.join(FEATURE_SEPARATOR),
    counts: Uint8Array.from(counts),
    targets: Uint8Array.from(model.targets),
    weights,
  };
}

/** The model a file holds, or what is wrong with it. */
export function decodeQuestionModel(file: QuestionModelFile): { ok: true; model: QuestionModel } | { ok: false; reason: string } {
  const { counts, weights } = file;
  if (weights.length % 4 !== 0) return { ok: false, reason: 'weights that are not whole 32-bit numbers' };
  const model: QuestionModel = {
    format: file.format,
    inputs: file.inputs,
    classes: file.classes,
    bias: file.bias,
    features: file.features === '' ? [] : file.features.split(FEATURE_SEPARATOR),
    ends: new Uint32Array(counts.length),
    targets: new Uint8Array(file.targets),
    weights: new Float64Array(weights.length / 4),
  };
  for (let i = 0, end = 0; i < counts.length; i++) model.ends[i] = end += counts[i] ?? 0;
  // A DataView reads little-endian on any machine, and faster than Buffer's read methods.
  const weightsView = new DataView(weights.buffer, weights.byteOffset, weights.byteLength);
  for (let i = 0; i < model.weights.length; i++) model.weights[i] = weightsView.getInt32(4 * i, true) / WEIGHT_UNIT;
  const fault = modelFault(model);
  return fault === undefined ? { ok: true, model } : { ok: false, reason: fault };
}

/**
 * A model's features and weights from each feature's `[class, weight, …]` row, sorted by
 * feature: how the trainer and tests write a model down.
 */
export function flattenWeights(rows: Iterable<readonly [string, readonly number[]]>): Pick<QuestionModel, 'features' | 'ends' | 'targets' | 'weights'> {
  const sorted = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const features: string[] = [];
  const ends = new Uint32Array(sorted.length);
  const targets: number[] = [];
  const weights: number[] = [];
  sorted.forEach(([feature, row], i) => {
    features.push(feature);
    for (let at = 0; at < row.length; at += 2) {
      const target = row[at] ?? Number.NaN;
      if (!Number.isInteger(target) || target < 0 || target > 0xff) throw new Error(`"${feature}" has weights that are not [class, weight] pairs`);
      targets.push(target);
      weights.push(row[at + 1] ?? Number.NaN);
    }
    ends[i] = targets.length;
  });
  return { features, ends, targets: Uint8Array.from(targets), weights: Float64Array.from(weights) };
}

/** Each feature with its `[class, weight, …]` row: what `flattenWeights` took. */
export function weightRows(model: Pick<QuestionModel, 'features' | 'ends' | 'targets' | 'weights'>): [string, number[]][] {
  return model.features.map((feature, i) => {
    const row: number[] = [];
    for (let at = i === 0 ? 0 : (model.ends[i - 1] ?? 0); at < (model.ends[i] ?? 0); at++) row.push(model.targets[at] ?? 0, model.weights[at] ?? 0);
    return [feature, row];
  });
}

/**
 * What the types cannot say: one bias a class, one end a feature, ends that never go back and
 * end with the weights, a class for each weight among the model's classes, finite weights, and
 * features in strictly ascending order (so none twice, and binary search finds each). Undefined
 * when all hold.
 */
export function modelFault(model: QuestionModel): string | undefined {
  const classCount = model.classes.length;
  // Each weight's class is one byte in the file.
  if (classCount > 0xff) return `${String(classCount)} classes, more than the file can number`;
  if (model.bias.length !== classCount) return `${String(model.bias.length)} biases for ${String(classCount)} classes`;
  const count = model.weights.length;
  if (model.ends.length !== model.features.length || (model.ends.at(-1) ?? 0) !== count || model.targets.length !== count) {
    return `${String(model.ends.length)} ends for ${String(model.features.length)} features, and ${String(model.targets.length)} classes for ${String(count)} weights`;
  }
  for (let i = 0; i < model.features.length; i++) {
    const feature = model.features[i] ?? '';
    if (i > 0 && !((model.features[i - 1] ?? '') < feature)) return `features out of order, or a feature listed twice ("${feature}")`;
    if (feature === '' || feature.includes(FEATURE_SEPARATOR)) return 'an empty feature, or one with a line break';
    if ((model.ends[i] ?? 0) < (i === 0 ? 0 : (model.ends[i - 1] ?? 0))) return `ends that go backwards at "${feature}"`;
  }
  for (let at = 0; at < count; at++) {
    if ((model.targets[at] ?? classCount) >= classCount) return `a weight for class ${String(model.targets[at])} of ${String(classCount)} classes`;
    if (!Number.isFinite(model.weights[at])) return 'a weight that is not a finite number';
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

  constructor(private readonly model: QuestionModel) {
    this.logits = new Float64Array(model.classes.length);
  }

  get classes(): readonly string[] {
    return this.model.classes;
  }

  /** Every class with its probability, best first, from a question's terms and its own words (`questionFeatures`). */
  classify(terms: readonly string[], words: readonly string[] = [], signals: readonly string[] = []): Opinion[] {
    const { logits } = this;
    const { bias, ends, targets, weights, classes } = this.model;
    for (let c = 0; c < logits.length; c++) logits[c] = bias[c] ?? 0;
    const features = questionFeatures(terms, words, signals);
    // Scaled as in training (`featureScale`).
    const scale = featureScale(features.length);
    for (const feature of features) {
      const f = this.find(feature);
      if (f < 0) continue;
      for (let at = f === 0 ? 0 : (ends[f - 1] ?? 0), end = ends[f] ?? 0; at < end; at++) {
        const c = targets[at] ?? 0;
        logits[c] = (logits[c] ?? 0) + (weights[at] ?? 0) * scale;
      }
    }
    return softmax(logits).map((p, c) => ({ id: classes[c] ?? DECLINE_CLASS, p })).sort((a, b) => b.p - a.p);
  }

  /**
   * A feature's index, or -1: binary search of the sorted features. Indexing 70,000 features in a
   * Map took 40 ms of each instance's start, for lookups about 0.5 µs faster (docs/performance.md).
   */
  private find(feature: string): number {
    const { features } = this.model;
    let low = 0;
    let high = features.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = features[middle] ?? '';
      if (at < feature) low = middle + 1;
      else if (at > feature) high = middle - 1;
      else return middle;
    }
    return -1;
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
  const parsed = parseQuestionModelFile(readFileSync(path));
  if (!parsed.ok) return { ok: false, reason: `${QUESTION_MODEL_FILE} is not a question model: ${parsed.reason}` };
  const unknown = parsed.file.classes.filter((id) => id !== DECLINE_CLASS && kb.get(id) === undefined);
  if (unknown.length > 0) return { ok: false, reason: `${QUESTION_MODEL_FILE} predicts entries the knowledge base does not have (${unknown.join(', ')}); run npm run kb:train` };
  const decoded = decodeQuestionModel(parsed.file);
  return decoded.ok ? decoded : { ok: false, reason: `${QUESTION_MODEL_FILE} has ${decoded.reason}` };
}
