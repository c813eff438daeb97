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
