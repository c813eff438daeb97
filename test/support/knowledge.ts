import { Answerer } from '../../src/answering/Answerer';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { Matcher } from '../../src/matching/Matcher';

let kb: KnowledgeBase | undefined;
let matcher: Matcher | undefined;

/** The app's real knowledge base, loaded once per test file. */
export function realKnowledgeBase(): KnowledgeBase {
  kb ??= loadKnowledgeBase(defaultKnowledgeDir());
  return kb;
}

/** A matcher over the real knowledge base, built once per test file as the app builds it once per instance. */
export function realMatcher(): Matcher {
  matcher ??= new Matcher(realKnowledgeBase());
  return matcher;
}

export function realAnswerer(): Answerer {
  return new Answerer(realKnowledgeBase(), realMatcher());
}

/** One-word and two-word questions that name no single topic, for a test that needs a "Did you mean". */
const AMBIGUOUS = ['cloud model', 'models', 'data', 'model', 'the cloud model', 'cost model'];

/**
 * A question the real knowledge base answers with "Did you mean": the first of a few ambiguous
 * ones that still does, so that a matcher change moves the test to another, rather than breaking
 * a test about something else. Throws if none does any more.
 */
export function clarifyingQuestion(): string {
  const answerer = realAnswerer();
  const found = AMBIGUOUS.find((question) => answerer.answerQuestion(question).kind === 'clarify');
  if (found === undefined) throw new Error(`None of ${AMBIGUOUS.join(', ')} gets "Did you mean" any more: add an ambiguous question to the list.`);
  return found;
}
