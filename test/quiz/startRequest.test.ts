import { join } from 'node:path';
import { z } from 'zod';
import { readTsv } from '../../scripts/readTsv';
import { loadEvalSet } from '../../scripts/eval/evalSet';
import { EVAL_SET_PATH, HELDOUT2_SET_PATH, HELDOUT_SET_PATH } from '../../scripts/eval/runEval';
import { normalise } from '../../src/matching/normalise';
import { readStartRequest } from '../../src/quiz/startRequest';
import { realKnowledgeBase } from '../support/knowledge';

/** `expected`: "*" starts a quiz on the whole lecture, "-" starts none, anything else is the topic. */
const cases = readTsv(join(__dirname, 'fixtures/start-requests.tsv'), z.object({ message: z.string().min(1), expected: z.string().min(1) })).map(
  ({ message, expected }) => [message, expected] as const,
);

/** What a message starts, in the fixture's terms. */
function started(message: string): string {
  const request = readStartRequest(normalise(message));
  return request === undefined ? '-' : (request.topic ?? '*');
}

describe('when a student asks to start a quiz', () => {
  it.each(cases)('"%s" starts %s', (message, expected) => {
    expect(started(message)).toBe(expected);
  });

  it('no question a student asked about the lecture, nor any phrasing in the knowledge base, starts one', () => {
    const questions = [EVAL_SET_PATH, HELDOUT_SET_PATH, HELDOUT2_SET_PATH].flatMap((path) => loadEvalSet(path).map((item) => item.question));
    const alternates = realKnowledgeBase().entries.flatMap((entry) => entry.alternates);
    const starting = [...questions, ...alternates].filter((message) => started(message) !== '-');
    expect(starting).toEqual([]);
  });
});
