import { join } from 'node:path';
import { z } from 'zod';
import { readTsv } from '../../scripts/readTsv';
import { Conversation } from '../../src/conversation/Conversation';
import { freshMemory } from '../../src/conversation/memory';
import { realAnswerer, realKnowledgeBase, realMatcher } from '../support/knowledge';

/**
 * `test/fixtures/examples-by-topic.tsv`: for every topic, the example its answer gives (checked
 * against the lecture by hand), or "none". A new topic must be added to it, so that someone
 * decides what counts as its example.
 */
const table = readTsv(join(__dirname, '../fixtures/examples-by-topic.tsv'), z.object({ id: z.string().min(1), example: z.string().min(1) })).map(
  ({ id, example }) => ({ id, example: example === 'none' ? null : example }),
);

describe('"give me an example" after each topic', () => {
  const kb = realKnowledgeBase();
  const conversation = new Conversation(kb, realMatcher(), realAnswerer());
  const ask = (id: string) => conversation.respond('give me an example', { ...freshMemory(), lastTopic: id }).reply;

  it('has a row for every topic of the knowledge base', () => {
    expect(table.map((row) => row.id).sort()).toEqual(kb.topics.map((entry) => entry.id).sort());
  });

  it.each(table.filter((row) => row.example !== null).map((row) => [row.id, row.example ?? '']))(
    'after %s, gives its example whole: %s',
    (id, example) => {
      const reply = ask(id);
      expect(reply.kind).toBe('answer');
      expect(reply.text.split('\n')[0]).toBe(`**${kb.get(id)?.title ?? ''}**: ${example}`);
    },
  );

  it.each(table.filter((row) => row.example === null).map((row) => [row.id]))('after %s, says the lecture gives no example', (id) => {
    const reply = ask(id);
    expect(reply.kind).toBe('fallback');
    expect(reply.text).toBe(`The lecture gives no example for "${kb.get(id)?.title ?? ''}" in particular. You could try one of these:`);
  });
});
