import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import {
  DECLINE_CLASS,
  type Opinion,
  QUESTION_MODEL_FILE,
  QUESTION_MODEL_FORMAT,
  QuestionClassifier,
  type QuestionModel,
  type QuestionModelFile,
  flattenWeights,
  parseQuestionModelFile,
  serialiseQuestionModel,
  encodeQuestionModel,
  decodeQuestionModel,
  weightRows,
  questionFeatures,
  WORD_MARK,
  NEGATED_MARK,
  SIGNAL_MARK,
  readQuestionModel,
  featureScale,
} from '../../src/matching/questionModel';
import { DEFAULT_TRAINING_OPTIONS, type LabelledQuestion, trainQuestionModel } from '../../src/matching/trainQuestionModel';
import { realKnowledgeBase } from '../support/knowledge';
import { tinyKnowledgeBase } from './fixtures/tinyKnowledge';

/**
 * The question model (questionModel.ts, trainQuestionModel.ts): the features it reads, how a model
 * classifies, how one is trained, and which model files are refused. The models here are small and
 * made up, over the tiny transport lecture (fixtures/tinyKnowledge.ts), except the last test, which
 * loads the committed model against the real knowledge base.
 */

const INPUTS = createHash('sha256').update('toy inputs').digest('hex');
const sorted = (values: readonly string[]) => [...values].sort();
const ids = (opinions: readonly Opinion[]) => opinions.map((opinion) => opinion.id);
/** How many weights a model keeps. */
const weightCount = (model: QuestionModel) => model.weights.length;
/** A model through its file and back, as `npm run kb:train` writes it and an instance reads it. */
const throughFile = (model: QuestionModel) => {
  const parsed = parseQuestionModelFile(serialiseQuestionModel(encodeQuestionModel(model)));
  if (!parsed.ok) throw new Error(parsed.reason);
  const decoded = decodeQuestionModel(parsed.file);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.model;
};

describe('questionFeatures', () => {
  it('gives each term and each adjacent pair of terms', () => {
    expect(sorted(questionFeatures(['bus', 'pass', 'cheap']))).toEqual(sorted(['bus', 'pass', 'cheap', 'bus pass', 'pass cheap']));
  });

  it('gives no pair for a single term, and nothing for no terms', () => {
    expect(questionFeatures(['bus'])).toEqual(['bus']);
    expect(questionFeatures([])).toEqual([]);
  });

  it('gives a repeated term or pair once', () => {
    const features = questionFeatures(['bus', 'car', 'bus', 'car']);
    expect(new Set(features).size).toBe(features.length);
    expect(sorted(features)).toEqual(sorted(['bus', 'car', 'bus car', 'car bus']));
  });

  it('adds no unknown mark when every term is known', () => {
    const features = questionFeatures(['bus', 'pass']);
    expect(features).not.toContain('?');
    expect(features).not.toContain('??');
  });

  it('adds "?" when at least a third of the terms are marked, and not "??" below two thirds', () => {
    const features = questionFeatures(['?dog', 'bus']);
    expect(features.filter((feature) => feature === '?')).toHaveLength(1);
    expect(features).not.toContain('??');
    expect(sorted(features)).toEqual(sorted(['?dog', 'bus', '?dog bus', '?']));
    expect(questionFeatures(['?dog', 'bus', 'pass'])).toContain('?');
  });

  it('adds no mark when fewer than a third of the terms are marked: a long scenario has words the lecture lacks', () => {
    const features = questionFeatures(['?dog', 'bus', 'pass', 'cheap']);
    expect(features).not.toContain('?');
    expect(features).not.toContain('??');
  });

  it('adds "?" and "??" when at least two thirds of the terms are marked, each once', () => {
    const features = questionFeatures(['?dog', 'bus', '?cat', '?pizza']);
    expect(features.filter((feature) => feature === '?')).toHaveLength(1);
    expect(features.filter((feature) => feature === '??')).toHaveLength(1);
    expect(questionFeatures(['?dog', 'bus', '?cat', 'pass'])).not.toContain('??');
  });

  it('adds each of the message\'s own words and each adjacent pair, marked apart from the terms', () => {
    const features = questionFeatures(['bus'], ['take', 'the', 'bus']);
    expect(sorted(features)).toEqual(sorted(['bus', `${WORD_MARK}take`, `${WORD_MARK}the`, `${WORD_MARK}bus`, `${WORD_MARK}take the`, `${WORD_MARK}the bus`]));
  });

  it('marks the three words after a negation apart, and no word before it or further on', () => {
    const negated = questionFeatures([], ['why', 'not', 'take', 'the', 'bus', 'today']).filter((feature) => feature.startsWith(NEGATED_MARK));
    expect(sorted(negated)).toEqual(sorted([`${NEGATED_MARK}take`, `${NEGATED_MARK}the`, `${NEGATED_MARK}bus`]));
    expect(questionFeatures([], ['without', 'a', 'car']).filter((feature) => feature.startsWith(NEGATED_MARK))).toEqual([`${NEGATED_MARK}a`, `${NEGATED_MARK}car`]);
    expect(questionFeatures([], ['take', 'the', 'bus']).filter((feature) => feature.startsWith(NEGATED_MARK))).toEqual([]);
  });

  it('adds the matcher\'s reading of the question, each signal marked apart from terms and words', () => {
    const features = questionFeatures(['bus'], ['least'], ['effort least', 'least', 'choosing']);
    expect(sorted(features)).toEqual(sorted(['bus', `${WORD_MARK}least`, `${SIGNAL_MARK}effort least`, `${SIGNAL_MARK}least`, `${SIGNAL_MARK}choosing`]));
    expect(questionFeatures(['bus'], [], [])).toEqual(['bus']);
  });

  it('gives a repeated word or pair of words once, and does not count words towards the unknown mark', () => {
    const features = questionFeatures(['?dog', 'bus', 'pass'], ['the', 'bus', 'the', 'bus']);
    expect(new Set(features).size).toBe(features.length);
    expect(features.filter((feature) => feature.startsWith(WORD_MARK))).toEqual([`${WORD_MARK}the`, `${WORD_MARK}bus`, `${WORD_MARK}the bus`, `${WORD_MARK}bus the`]);
    expect(questionFeatures(['bus', 'pass', 'cheap'], ['?dog', '?cat'])).not.toContain('?');
  });
});

/** Four classes; each of three entries has its own words, and the unknown marks point to the decline class. */
const HAND_MADE: QuestionModel = {
  format: QUESTION_MODEL_FORMAT,
  inputs: INPUTS,
  classes: [DECLINE_CLASS, 'vehicles.bike', 'vehicles.bus', 'vehicles.car'],
  bias: [0.2, 0, 0, -0.1],
  ...flattenWeights(
    Object.entries({
      bus: [2, 3],
      timetabl: [2, 2],
      'bus pass': [2, 2, 3, -1],
      pedal: [1, 3],
      helmet: [1, 2, 0, -0.5],
      fuel: [3, 3],
      parking: [3, 2.5],
      '?': [0, 2],
      '??': [0, 2],
    }),
  ),
};

describe('QuestionClassifier.classify', () => {
  const classifier = new QuestionClassifier(HAND_MADE);

  it('gives every class once, with probabilities that add up to 1', () => {
    const opinions = classifier.classify(['bus', 'pedal', 'fuel']);
    expect(sorted(ids(opinions))).toEqual(sorted(HAND_MADE.classes));
    expect(opinions.reduce((total, opinion) => total + opinion.p, 0)).toBeCloseTo(1, 12);
    for (const opinion of opinions) expect(opinion.p).toBeGreaterThan(0);
  });

  it('gives the classes best first', () => {
    const ps = classifier.classify(['bus', 'pedal', 'helmet']).map((opinion) => opinion.p);
    expect(ps).toEqual([...ps].sort((a, b) => b - a));
    expect(ps[0]).toBeGreaterThan(ps[ps.length - 1] ?? 1);
  });

  it.each([
    [['bus', 'timetabl'], 'vehicles.bus'],
    [['pedal', 'helmet'], 'vehicles.bike'],
    [['fuel', 'parking'], 'vehicles.car'],
    [['?pizza', '?recip'], DECLINE_CLASS],
  ])('puts the class whose words a question has first (%j: %s)', (terms, id) => {
    const [top, second] = classifier.classify(terms);
    expect(top?.id).toBe(id);
    expect(top?.p).toBeGreaterThan(second?.p ?? 1);
  });

  it('reads pairs as well as terms: "bus pass" weighs more than "pass bus"', () => {
    const busOf = (terms: string[]) => classifier.classify(terms).find((opinion) => opinion.id === 'vehicles.bus')?.p ?? 0;
    expect(busOf(['bus', 'pass'])).toBeGreaterThan(busOf(['pass', 'bus']));
  });

  it('gives the bias alone for a question of features the model does not have', () => {
    const exps = HAND_MADE.bias.map((value) => Math.exp(value));
    const sum = exps.reduce((total, value) => total + value, 0);
    const byId = new Map(classifier.classify(['zebra', 'giraff']).map((opinion) => [opinion.id, opinion.p]));
    HAND_MADE.classes.forEach((id, c) => {
      expect(byId.get(id)).toBeCloseTo((exps[c] ?? 0) / sum, 12);
    });
  });

  it('ignores a feature it has no weights for, which only counts towards the scale', () => {
    // "zebra" and "giraff" have no weights: any two such give the same opinions.
    const withUnknown = classifier.classify(['bus', 'zebra']);
    expect(withUnknown).toEqual(classifier.classify(['bus', 'giraff']));
    expect(withUnknown[0]?.id).toBe('vehicles.bus');
    // Three features instead of one: "bus" weighs featureScale(3) as much, as in training.
    const busOf = (opinions: readonly Opinion[]) => opinions.find((opinion) => opinion.id === 'vehicles.bus')?.p ?? 0;
    expect(busOf(withUnknown)).toBeLessThan(busOf(classifier.classify(['bus'])));
  });

  it('weighs each feature by featureScale of the question\'s count: a logit is the bias plus the weights, scaled', () => {
    // One feature with a weight for one class: its logit is the bias plus the weight times featureScale(n).
    const model: QuestionModel = { ...HAND_MADE, bias: [0, 0, 0, 0], ...flattenWeights([['bus', [2, 3]]]) };
    const terms = ['bus', 'zebra', 'giraff', 'okapi'];
    const [bus, ...rest] = new QuestionClassifier(model).classify(terms);
    // Seven features: the four terms and their three pairs.
    const logit = 3 * featureScale(questionFeatures(terms).length);
    expect(bus?.id).toBe('vehicles.bus');
    expect(bus?.p).toBeCloseTo(Math.exp(logit) / (Math.exp(logit) + rest.length), 12);
  });

  it('scales features less than one over the square root of their count, so a long question\'s telling words are not drowned', () => {
    expect(featureScale(0)).toBe(1);
    expect(featureScale(1)).toBe(1);
    expect(featureScale(32)).toBeCloseTo(0.25, 12);
    expect(featureScale(40)).toBeGreaterThan(1 / Math.sqrt(40));
    expect(featureScale(40)).toBeLessThan(featureScale(10));
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('weighs a feature named like an Object prototype property ("%s") as an unknown one, without crashing', (name) => {
    expect(classifier.classify([name])).toEqual(classifier.classify(['zebra']));
    expect(classifier.classify(['bus', name])).toEqual(classifier.classify(['bus', 'zebra']));
  });

  it('weighs a feature named like an Object prototype property when the model has one', () => {
    const model: QuestionModel = { ...HAND_MADE, ...flattenWeights([...weightRows(HAND_MADE), ['constructor', [3, 50]]]) };
    expect(new QuestionClassifier(model).classify(['constructor'])[0]?.id).toBe('vehicles.car');
  });

  it('gives the same opinions when asked twice (its scratch space is reset between questions)', () => {
    const first = classifier.classify(['fuel', 'parking']);
    classifier.classify(['bus', 'timetabl', 'bus pass']);
    expect(classifier.classify(['fuel', 'parking'])).toEqual(first);
  });
});

/** Three entries' words and questions the lecture does not answer: separable, so a trained model gets them all right. */
const TOY: readonly LabelledQuestion[] = [
  { terms: ['bus', 'ticket'], label: 'vehicles.bus' },
  { terms: ['bus', 'seat'], label: 'vehicles.bus' },
  { terms: ['timetabl', 'bus'], label: 'vehicles.bus' },
  { terms: ['ticket', 'timetabl'], label: 'vehicles.bus' },
  { terms: ['seat', 'ticket'], label: 'vehicles.bus' },
  { terms: ['bike', 'pedal'], label: 'vehicles.bike' },
  { terms: ['pedal', 'hill'], label: 'vehicles.bike' },
  { terms: ['helmet', 'bike'], label: 'vehicles.bike' },
  { terms: ['hill', 'helmet'], label: 'vehicles.bike' },
  { terms: ['bike', 'hill'], label: 'vehicles.bike' },
  { terms: ['car', 'fuel'], label: 'vehicles.car' },
  { terms: ['park', 'car'], label: 'vehicles.car' },
  { terms: ['fuel', 'insur'], label: 'vehicles.car' },
  { terms: ['insur', 'park'], label: 'vehicles.car' },
  { terms: ['car', 'insur'], label: 'vehicles.car' },
  { terms: ['?pizza', '?recip'], label: DECLINE_CLASS },
  { terms: ['?weather'], label: DECLINE_CLASS },
  { terms: ['?footbal', '?score'], label: DECLINE_CLASS },
  { terms: ['?holiday'], label: DECLINE_CLASS },
  { terms: ['?pizza', 'town', '?cheap'], label: DECLINE_CLASS },
];

/** Questions the training did not see: new combinations of each class's words, and new unknown words. */
const HELD_BACK: readonly LabelledQuestion[] = [
  { terms: ['timetabl', 'seat'], label: 'vehicles.bus' },
  { terms: ['pedal', 'helmet'], label: 'vehicles.bike' },
  { terms: ['fuel', 'park'], label: 'vehicles.car' },
  { terms: ['?chess', '?rule'], label: DECLINE_CLASS },
];

describe('trainQuestionModel', () => {
  const model = trainQuestionModel(TOY, INPUTS);

  it('learns every label as a class, sorted, with one bias each', () => {
    expect(model.classes).toEqual([DECLINE_CLASS, 'vehicles.bike', 'vehicles.bus', 'vehicles.car']);
    expect(model.bias).toHaveLength(model.classes.length);
  });

  it('gives a model that a model file holds exactly', () => {
    expect(throughFile(model)).toEqual(model);
    expect(model.format).toBe(QUESTION_MODEL_FORMAT);
  });

  it('gives its features sorted, each once, as the classifier\'s binary search needs', () => {
    expect(model.features).toEqual([...new Set(model.features)].sort());
  });

  it('carries its inputs through to the model', () => {
    expect(model.inputs).toBe(INPUTS);
    const other = createHash('sha256').update('other inputs').digest('hex');
    expect(trainQuestionModel(TOY, other).inputs).toBe(other);
  });

  it('keeps a feature named "__proto__" as a feature of its own, through JSON too', () => {
    const trained = trainQuestionModel([...TOY, { terms: ['__proto__'], label: 'vehicles.bike' }, { terms: ['__proto__', 'pedal'], label: 'vehicles.bike' }], INPUTS);
    expect(trained.features).toContain('__proto__');
    expect(new QuestionClassifier(throughFile(trained)).classify(['__proto__'])[0]?.id).toBe('vehicles.bike');
  });

  it('classifies the examples it learnt from', () => {
    const classifier = new QuestionClassifier(model);
    expect(TOY.map((example) => classifier.classify(example.terms)[0]?.id)).toEqual(TOY.map((example) => example.label));
  });

  it.each(HELD_BACK.map((example) => [example.terms, example.label] as const))('classifies a question it did not see (%j) as %s', (terms, label) => {
    expect(new QuestionClassifier(model).classify(terms)[0]?.id).toBe(label);
  });

  it('gives the same model when trained twice on the same input', () => {
    expect(trainQuestionModel(TOY, INPUTS)).toEqual(model);
    expect(JSON.stringify(trainQuestionModel(TOY, INPUTS))).toBe(JSON.stringify(model));
  });

  it('gives another model with another seed', () => {
    expect(trainQuestionModel(TOY, INPUTS, { ...DEFAULT_TRAINING_OPTIONS, seed: DEFAULT_TRAINING_OPTIONS.seed + 1 })).not.toEqual(model);
  });

  it('leaves out weights closer than `prune` to their feature\'s median', () => {
    const all = trainQuestionModel(TOY, INPUTS, { ...DEFAULT_TRAINING_OPTIONS, prune: 0 });
    const pruned = trainQuestionModel(TOY, INPUTS, { ...DEFAULT_TRAINING_OPTIONS, prune: 2 });
    // With no pruning, every class keeps a weight for every feature (the median's own, 0, included).
    for (const [, row] of weightRows(all)) expect(row).toHaveLength(2 * all.classes.length);
    expect(weightCount(pruned)).toBeLessThan(weightCount(model));
    expect(weightCount(model)).toBeLessThan(weightCount(all));
    for (const [, row] of weightRows(pruned)) {
      for (let i = 1; i < row.length; i += 2) expect(Math.abs(row[i] ?? 0)).toBeGreaterThanOrEqual(2);
    }
  });

  it('leaves out a feature whose every weight is pruned', () => {
    const pruned = trainQuestionModel(TOY, INPUTS, { ...DEFAULT_TRAINING_OPTIONS, prune: 1000 });
    expect(pruned.features).toEqual([]);
    expect(weightCount(pruned)).toBe(0);
    expect(pruned.bias).toEqual(model.bias);
  });
});

describe('the model file', () => {
  const model: QuestionModel = { format: QUESTION_MODEL_FORMAT, inputs: INPUTS, classes: [DECLINE_CLASS, 'vehicles.bus'], bias: [0.125, -2], ...flattenWeights([['pass', [1, 0.001, 0, -12.345]], ['bus', [1, 3]]]) };

  it('holds a model exactly, weights in thousandths included', () => {
    expect(throughFile(model)).toEqual(model);
    expect(throughFile(HAND_MADE)).toEqual(HAND_MADE);
  });

  it('holds a model with no features', () => {
    const empty = { ...model, ...flattenWeights([]) };
    expect(throughFile(empty)).toEqual(empty);
  });

  it('refuses to write a weight finer than a thousandth, which it could not give back', () => {
    expect(() => encodeQuestionModel({ ...model, ...flattenWeights([['bus', [1, 0.0005]]]) })).toThrow(/0.0005/);
  });

  it('refuses to write more classes than a byte numbers', () => {
    const classes = Array.from({ length: 256 }, (_, i) => `class${String(i)}`);
    expect(() => encodeQuestionModel({ ...model, classes, bias: classes.map(() => 0) })).toThrow(/256 classes/);
  });

  it('refuses to write a feature with a line break, which separates features in the file', () => {
    expect(() => encodeQuestionModel({ ...model, ...flattenWeights([['bus\npass', [1, 1]]]) })).toThrow(/line break/);
  });

  it('sorts the rows it is given by feature', () => {
    expect(flattenWeights([['pass', [1, 2]], ['bus', [0, 1, 1, 3]]])).toEqual({ features: ['bus', 'pass'], ends: Uint32Array.of(2, 3), targets: Uint8Array.of(0, 1, 1), weights: Float64Array.of(1, 3, 2) });
    expect(weightRows(flattenWeights([['pass', [1, 2]], ['bus', [0, 1, 1, 3]]]))).toEqual([['bus', [0, 1, 1, 3]], ['pass', [1, 2]]]);
  });

  it.each([
    ['a fractional class number', [0.5, 1.5]],
    ['a negative class number', [-1, 1.5]],
    ['no class number', [Number.NaN, 1.5]],
  ])('refuses rows that are not [class, weight] pairs (%s)', (_, row) => {
    expect(() => flattenWeights([['bus', row]])).toThrow(/"bus"/);
  });
});

describe('readQuestionModel', () => {
  const kb = tinyKnowledgeBase();
  const WEIGHTS: Record<string, number[]> = { bus: [1, 2], hi: [2, 3] };
  const valid = (): QuestionModel => ({
    format: QUESTION_MODEL_FORMAT,
    inputs: INPUTS,
    classes: [DECLINE_CLASS, 'vehicles.bus', 'smalltalk.greeting'],
    bias: [0, 0.5, -0.5],
    ...flattenWeights(Object.entries(WEIGHTS)),
  });
  let dir = '';
  const write = (content: Uint8Array | string) => {
    writeFileSync(join(dir, QUESTION_MODEL_FILE), content);
  };
  const file = (model: QuestionModel) => serialiseQuestionModel(encodeQuestionModel(model));
  /** The valid model's file with some of its parts replaced: what no encoder would write. */
  const spoilt = (fields: Partial<QuestionModelFile>) => serialiseQuestionModel({ ...encodeQuestionModel(valid()), ...fields });
  /** A file of the given header, as JSON text, and binary parts. */
  const withHeader = (header: string, parts: Uint8Array = Buffer.alloc(0)) => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(Buffer.byteLength(header));
    return Buffer.concat([Buffer.from('CBQM'), length, Buffer.from(header), parts]);
  };
  /** The valid model's header as an object, to spoil one field of it. */
  const header = () => {
    const bytes = file(valid());
    return JSON.parse(bytes.toString('utf8', 8, 8 + bytes.readUInt32LE(4))) as Record<string, unknown>;
  };
  const bytes = (...values: number[]) => Uint8Array.from(values);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cloudbot-question-model-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a folder without a model, naming the file', () => {
    const result = readQuestionModel(dir, kb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(QUESTION_MODEL_FILE);
  });

  it.each([
    ['a JSON model of the formats before the file was binary', JSON.stringify({ format: QUESTION_MODEL_FORMAT - 1, inputs: INPUTS }), /does not start with the model's mark/],
    ['an empty file', '', /does not start with the model's mark/],
    ['a header running past the end of the file', withHeader('{"format":8}').subarray(0, 12), /header runs past the end of the file/],
    ['a header that is not JSON', withHeader('{"format": 8,'), /header is not JSON/],
    ['parts shorter than the header says', file(valid()).subarray(0, file(valid()).length - 1), /parts come to \d+ bytes after the header, where the file has \d+/],
    ['parts longer than the header says', Buffer.concat([file(valid()), Buffer.from([0])]), /parts come to/],
    ['a feature that is not UTF-8', (() => {
      const damaged = Buffer.from(file(valid()));
      damaged[damaged.indexOf('bus\nhi')] = 0xff;
      return damaged;
    })(), /features are not UTF-8/],
  ])('refuses a file that is not a question model (%s), saying why', (_, content, reason) => {
    write(content);
    const result = readQuestionModel(dir, kb);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(`${QUESTION_MODEL_FILE} is not a question model`);
      expect(result.reason).toMatch(reason);
    }
  });

  it.each([
    ['another format', { format: QUESTION_MODEL_FORMAT + 1 }],
    ['more classes than a byte can number', { classes: Array.from({ length: 256 }, (_, i) => `class${String(i)}`), bias: Array.from({ length: 256 }, () => 0) }],
    ['inputs that are no SHA-256', { inputs: 'abc' }],
    ['a single class', { classes: ['vehicles.bus'], bias: [0] }],
    ['a bias that is not finite', { bias: [0, null, 0] }],
    ['no lengths of its parts', { lengths: undefined }],
    ['a negative length', { lengths: { features: -1, counts: 0, targets: 0, weights: 0 } }],
  ])('refuses a header of the wrong shape (%s)', (_, fields) => {
    write(withHeader(JSON.stringify({ ...header(), ...fields })));
    const result = readQuestionModel(dir, kb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/is not a question model: its header is not a question model's/);
  });

  it('refuses a header that is an array', () => {
    write(withHeader(JSON.stringify([header()])));
    const result = readQuestionModel(dir, kb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/header is not a question model's/);
  });

  it('refuses a model that predicts an entry the knowledge base lacks, naming it and saying how to retrain', () => {
    write(file({ ...valid(), classes: [DECLINE_CLASS, 'vehicles.bus', 'vehicles.train'] }));
    const result = readQuestionModel(dir, kb);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('vehicles.train');
      expect(result.reason).not.toContain('vehicles.bus');
      expect(result.reason).toContain('npm run kb:train');
    }
  });

  it('asks a minimal knowledge base only for the classes, not the decline class', () => {
    const asked: string[] = [];
    const lookup = { get: (id: string) => (asked.push(id), kb.get(id)) };
    write(file(valid()));
    expect(readQuestionModel(dir, lookup).ok).toBe(true);
    expect(sorted(asked)).toEqual(sorted(['vehicles.bus', 'smalltalk.greeting']));
  });

  it.each([
    ['fewer', [0, 0.5]],
    ['more', [0, 0.5, -0.5, 1]],
  ])('refuses a model with %s biases than classes', (_, bias) => {
    write(spoilt({ bias }));
    const result = readQuestionModel(dir, kb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(`${String(bias.length)} biases for 3 classes`);
  });

  it.each([
    ['fewer counts than features', { counts: bytes(1) }, /1 ends for 2 features/],
    ['weights past the last count', { counts: bytes(1, 0) }, /2 ends for 2 features, and 2 classes for 2 weights/],
    ['counts past the last weight', { counts: bytes(1, 2) }, /2 ends for 2 features/],
    ['fewer classes than weights', { targets: bytes(1) }, /1 classes for 2 weights/],
    ['a class number past the last class', { targets: bytes(1, 3) }, /a weight for class 3 of 3 classes/],
    ['weights that are not whole 32-bit numbers', { weights: bytes(1, 0, 0, 0, 2, 0) }, /not whole 32-bit numbers/],
    ['a feature listed twice', { features: 'bus\nbus' }, /features out of order, or a feature listed twice/],
    ['features out of order', { features: 'hi\nbus' }, /features out of order/],
    ['an empty feature', { features: '\nbus', counts: bytes(1, 1) }, /an empty feature/],
  ])('refuses a file whose parts do not fit together (%s), saying what is wrong', (_, fields, reason) => {
    write(spoilt(fields));
    const result = readQuestionModel(dir, kb);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(`${QUESTION_MODEL_FILE} has `);
      expect(result.reason).toMatch(reason);
    }
  });

  it('reads a valid model as it was written', () => {
    write(file(valid()));
    expect(readQuestionModel(dir, kb)).toEqual({ ok: true, model: valid() });
  });

  it('reads a model trained by trainQuestionModel', () => {
    const trained = trainQuestionModel(
      TOY.filter((example) => example.label !== 'vehicles.bike'),
      INPUTS,
    );
    write(file(trained));
    expect(readQuestionModel(dir, kb)).toEqual({ ok: true, model: trained });
  });
});

describe('the committed question model', () => {
  it(`loads from the real knowledge folder's ${QUESTION_MODEL_FILE} against the real knowledge base`, () => {
    const result = readQuestionModel(defaultKnowledgeDir(), realKnowledgeBase());
    if (!result.ok) throw new Error(result.reason);
    expect(result.model.classes).toContain(DECLINE_CLASS);
    expect(result.model.classes.length).toBeGreaterThan(2);
  });

  it('has weight rows of class indexes within its classes, each with a weight (the schema does not check this)', () => {
    const result = readQuestionModel(defaultKnowledgeDir(), realKnowledgeBase());
    if (!result.ok) throw new Error(result.reason);
    const { classes } = result.model;
    const bad = weightRows(result.model).filter(
      ([, row]) => row.length === 0 || row.length % 2 !== 0 || row.some((value, i) => i % 2 === 0 && !(Number.isInteger(value) && value >= 0 && value < classes.length)),
    );
    expect(bad.map(([feature]) => feature)).toEqual([]);
  });
});
