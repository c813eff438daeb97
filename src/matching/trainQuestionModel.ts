import { featureScale, flattenWeights, questionFeatures, type QuestionModel, QUESTION_MODEL_FORMAT, softmax } from './questionModel';

/** One labelled question: its terms as the matcher reads them, its own words, and the class it belongs to. */
export interface LabelledQuestion {
  terms: readonly string[];
  /** The message's words, stemmed, function words kept (`Matcher.questionText`); none for a toy model of terms alone. */
  words?: readonly string[];
  /** The matcher's reading of it (`readingSignals`); none for a toy model. */
  signals?: readonly string[];
  label: string;
}

export interface TrainingOptions {
  /** Passes over the examples. */
  epochs: number;
  learningRate: number;
  /** Weight decay per update: keeps a word seen in one question from deciding alone. */
  l2: number;
  /** Weights closer than this to their feature's median are left out of the file: it is a sixth of the size and, cross-validated, classifies the same. */
  prune: number;
  /** The shuffling's seed: the same inputs give the same model, byte for byte. */
  seed: number;
}

/**
 * Chosen by leave-one-set-out cross-validation over the labelled sets (`npm run eval:cv`); the
 * figures hardly move between 30 and 100 epochs or an l2 of 1e-5 to 1e-3.
 */
export const DEFAULT_TRAINING_OPTIONS: Readonly<TrainingOptions> = Object.freeze({ epochs: 60, learningRate: 0.5, l2: 1e-4, prune: 0.1, seed: 1 });

/** A small linear congruential generator: deterministic shuffles without a dependency. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 0x100000000;
  };
}

/**
 * Multinomial logistic regression by stochastic gradient descent. Each question's features are
 * scaled by `featureScale` of their count, as `QuestionClassifier` does. The bias
 * learns at a tenth of the rate, so that a class with many examples does not win on prior alone.
 */
export function trainQuestionModel(examples: readonly LabelledQuestion[], inputs: string, options: Readonly<TrainingOptions> = DEFAULT_TRAINING_OPTIONS): QuestionModel {
  const classes = [...new Set(examples.map((example) => example.label))].sort();
  const featureIds = new Map<string, number>();
  const rows = examples.map((example) => {
    const features = questionFeatures(example.terms, example.words, example.signals).map((feature) => {
      let id = featureIds.get(feature);
      if (id === undefined) {
        id = featureIds.size;
        featureIds.set(feature, id);
      }
      return id;
    });
    return { features, label: classes.indexOf(example.label) };
  });
  const C = classes.length;
  const weights = new Float64Array(C * featureIds.size);
  const bias = new Float64Array(C);
  const logits = new Float64Array(C);
  const random = seededRandom(options.seed);
  const order = rows.map((_, index) => index);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const index of order) {
      const row = rows[index];
      if (row === undefined) continue;
      const scale = featureScale(row.features.length);
      for (let c = 0; c < C; c++) {
        let z = bias[c] ?? 0;
        for (const f of row.features) z += (weights[f * C + c] ?? 0) * scale;
        logits[c] = z;
      }
      const p = softmax(logits);
      for (let c = 0; c < C; c++) {
        const gradient = (p[c] ?? 0) - (c === row.label ? 1 : 0);
        bias[c] = (bias[c] ?? 0) - options.learningRate * 0.1 * gradient;
        for (const f of row.features) {
          const at = f * C + c;
          weights[at] = (weights[at] ?? 0) - options.learningRate * (gradient * scale + options.l2 * (weights[at] ?? 0));
        }
      }
    }
  }
  const round = (value: number) => Math.round(value * 1e3) / 1e3;
  const sparse: [string, number[]][] = [];
  // In the order first seen: `flattenWeights` sorts the features.
  for (const [feature, f] of featureIds) {
    // Adding one number to all of a feature's weights changes no probability (softmax), so each
    // feature's weights are centred on their median first: most then round to nothing.
    const median = [...weights.subarray(f * C, f * C + C)].sort((a, b) => a - b)[Math.floor(C / 2)] ?? 0;
    const row: number[] = [];
    for (let c = 0; c < C; c++) {
      const weight = (weights[f * C + c] ?? 0) - median;
      if (Math.abs(weight) >= options.prune) row.push(c, round(weight));
    }
    if (row.length > 0) sparse.push([feature, row]);
  }
  return { format: QUESTION_MODEL_FORMAT, inputs, classes, bias: [...bias].map(round), ...flattenWeights(sparse) };
}
