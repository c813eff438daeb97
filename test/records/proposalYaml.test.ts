import { parse } from 'yaml';
import { addPhrasing } from '../../src/records/proposalYaml';
import { VEHICLES_YAML } from './fixtures/proposalKnowledge';

/** The lines of `after` that are not in `before`, by position: what a diff would show as added, if nothing else moved. */
function addedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const now = after.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of now) {
    if (old[i] === line) i += 1;
    else added.push(line);
  }
  // Every old line was met in order: nothing was changed or removed, only lines added.
  expect(i).toBe(old.length);
  return added;
}

type Entry = { id: string; alternates?: string[]; situations?: string[] };
function entryOf(text: string, id: string): Entry | undefined {
  return (parse(text) as { entries: Entry[] }).entries.find((entry) => entry.id === id);
}

describe('adding a phrasing to a knowledge file', () => {
  it('adds one line after the last alternate, indented and quoted as its neighbours, and changes nothing else', () => {
    const after = addPhrasing(VEHICLES_YAML, 'vehicles.bus', 'alternates', 'is the bus cheap for students');
    expect(after).toBeDefined();
    expect(addedLines(VEHICLES_YAML, after ?? '')).toEqual(['      - is the bus cheap for students']);
    expect(entryOf(after ?? '', 'vehicles.bus')?.alternates?.at(-1)).toBe('is the bus cheap for students');
    // The comments and the folded answer are as they were.
    expect(after).toContain('  # The bus: the least effort.\n');
    expect(after).toContain('    answer: >-\n      The bus is the least effort: you sit down and someone else drives.\n');
  });

  it('adds a situation in double quotes, as the situations around it are written', () => {
    const after = addPhrasing(VEHICLES_YAML, 'vehicles.bike', 'situations', 'i like to pedal up hills to keep fit') ?? '';
    expect(addedLines(VEHICLES_YAML, after)).toEqual(['      - "i like to pedal up hills to keep fit"']);
    expect(entryOf(after, 'vehicles.bike')?.situations).toEqual([
      'i want some exercise on the way to class whatever the weather',
      'i would rather pedal up the hill than sit in traffic',
      'i like to pedal up hills to keep fit',
    ]);
  });

  it('gives an entry without situations the field, at the indent of its other fields', () => {
    const after = addPhrasing(VEHICLES_YAML, 'vehicles.car', 'situations', 'how much does it cost to run') ?? '';
    expect(addedLines(VEHICLES_YAML, after)).toEqual(['    situations:', '      - "how much does it cost to run"']);
    expect(entryOf(after, 'vehicles.car')?.situations).toEqual(['how much does it cost to run']);
  });

  it('adds the field within the entry, before the comment and blank line that open the next one', () => {
    const text = 'kind: topics\nentries:\n  - id: a\n    alternates:\n      - one\n    related: [b]\n\n  # b\n  - id: b\n    alternates: [x]\n';
    const after = addPhrasing(text, 'a', 'situations', 'we need one') ?? '';
    expect(after).toBe('kind: topics\nentries:\n  - id: a\n    alternates:\n      - one\n    related: [b]\n    situations:\n      - "we need one"\n\n  # b\n  - id: b\n    alternates: [x]\n');
  });

  it('adds to a list written in brackets, quoting the phrasing so that a comma cannot split it', () => {
    const text = 'kind: topics\nentries:\n  - id: a\n    alternates: [one, two]\n    situations: []\n';
    const alternate = addPhrasing(text, 'a', 'alternates', 'three, or four') ?? '';
    expect(alternate).toBe('kind: topics\nentries:\n  - id: a\n    alternates: [one, two, "three, or four"]\n    situations: []\n');
    const situation = addPhrasing(text, 'a', 'situations', 'first') ?? '';
    expect(entryOf(situation, 'a')?.situations).toEqual(['first']);
  });

  it.each([
    ['a colon and space', 'bus: is it late?'],
    ['a hash after a space', 'is the bus #1 late'],
    ['a leading dash', '- the bus'],
    ['quotes', 'the "quiet" bus, it\'s late'],
    ['a leading word YAML reads as a value', 'yes'],
  ])('writes a phrasing with %s so that it reads back exactly', (_, phrasing) => {
    for (const field of ['alternates', 'situations'] as const) {
      const after = addPhrasing(VEHICLES_YAML, 'vehicles.bus', field, phrasing) ?? '';
      expect(entryOf(after, 'vehicles.bus')?.[field]?.at(-1)).toBe(phrasing);
      expect(addedLines(VEHICLES_YAML, after)).toHaveLength(1);
    }
  });

  it('ends the new lines as the file ends its lines', () => {
    const crlf = VEHICLES_YAML.replaceAll('\n', '\r\n');
    const after = addPhrasing(crlf, 'vehicles.car', 'situations', 'how much does it cost to run') ?? '';
    expect(after.split('\n').filter((line) => !line.endsWith('\r'))).toEqual(['']);
    expect(after.replaceAll('\r\n', '\n')).toBe(addPhrasing(VEHICLES_YAML, 'vehicles.car', 'situations', 'how much does it cost to run'));
  });

  it('answers undefined for an entry the file does not hold', () => {
    expect(addPhrasing(VEHICLES_YAML, 'vehicles.train', 'alternates', 'what about the train')).toBeUndefined();
  });
});
