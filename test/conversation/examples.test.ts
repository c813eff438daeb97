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

  // An overview with no example of its own gives the one its parts have, saying so: the reasons
  // to use the cloud have fault tolerance's, the reasons not to, security's.
  const exampleOfPart = (id: string) => {
    const parts = kb.childrenOf(id).filter((child) => table.find((row) => row.id === child.id)?.example != null);
    return parts.length === 1 ? parts[0] : undefined;
  };

  it.each(table.filter((row) => row.example === null && exampleOfPart(row.id) === undefined).map((row) => [row.id]))('after %s, says the lecture gives no example', (id) => {
    const reply = ask(id);
    expect(reply.kind).toBe('fallback');
    expect(reply.text).toBe(`The lecture gives no example for "${kb.get(id)?.title ?? ''}" in particular. You could try one of these:`);
  });

  it.each(table.filter((row) => row.example === null && exampleOfPart(row.id) !== undefined).map((row) => [row.id]))(
    'after %s, whose one part with an example is in the table, says it has none as a whole and gives that part\'s',
    (id) => {
      const part = exampleOfPart(id);
      const reply = ask(id);
      expect(reply.kind).toBe('answer');
      expect(reply.id).toBe(part?.id);
      const example = table.find((row) => row.id === part?.id)?.example ?? '';
      expect(reply.text.split('\n\n').slice(0, 2)).toEqual([
        `The lecture gives no example of "${kb.get(id)?.title ?? ''}" as a whole; it gives one for "${part?.title ?? ''}":`,
        `**${part?.title ?? ''}**: ${example}`,
      ]);
    },
  );
});
