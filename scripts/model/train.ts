import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { Matcher } from '../../src/matching/Matcher';
import { encodeQuestionModel, QUESTION_MODEL_FILE, serialiseQuestionModel } from '../../src/matching/questionModel';
import { DEFAULT_TRAINING_OPTIONS, trainQuestionModel } from '../../src/matching/trainQuestionModel';
import { loadSets, trainingExamples, trainingInputsDigest, trainingSetFiles } from './trainingData';

/**
 * `npm run kb:train`: trains the question model (src/matching/questionModel.ts) on the knowledge
 * base and every labelled set that is not sealed, and writes it beside the knowledge files.
 * Deterministic: the same inputs give the same file.
 */
function main(): void {
  const dir = defaultKnowledgeDir();
  const kb = loadKnowledgeBase(dir);
  const matcher = new Matcher(kb);
  const files = trainingSetFiles();
  const examples = trainingExamples(kb, matcher, [...loadSets(files).values()]);
  const model = trainQuestionModel(examples, trainingInputsDigest(dir, files, DEFAULT_TRAINING_OPTIONS));
  const path = join(dir, QUESTION_MODEL_FILE);
  const bytes = serialiseQuestionModel(encodeQuestionModel(model));
  writeFileSync(path, bytes);
  process.stdout.write(
    `Trained on ${String(examples.length)} examples (the knowledge base and ${files.join(', ')}): ` +
      `${String(model.classes.length)} classes, ${String(model.features.length)} features; ` +
      `wrote ${relative(process.cwd(), path)} (${(bytes.length / 1024).toFixed(0)} kB).\n`,
  );
}

main();
