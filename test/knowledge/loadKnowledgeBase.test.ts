import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { KnowledgeError } from '../../src/errors';
import { buildKnowledgeBase, type SourceFile } from '../../src/knowledge/loadKnowledgeBase';

const lecture = readFileSync(join(__dirname, '../../knowledge/lecture-05-cloud-computing.md'), 'utf8');
const valid = readFileSync(join(__dirname, 'fixtures/valid.yaml'), 'utf8');

/** The valid fixture with one change made by `edit`, as an author's mistake would be. */
/** The fixture's two entries, typed as a pair so that edits need no non-null assertions. */
type FixtureDoc = { entries: [Record<string, unknown>, Record<string, unknown>] };

function broken(edit: (doc: FixtureDoc) => void): SourceFile[] {
  const doc = parse(valid) as FixtureDoc;
  edit(doc);
  return [{ name: 'knowledge/broken.yaml', text: stringify(doc) }];
}

function problemsOf(files: SourceFile[]): string {
  try {
    buildKnowledgeBase(files, lecture);
  } catch (error) {
    if (error instanceof KnowledgeError) return error.message;
    throw error;
  }
  throw new Error('expected the knowledge base to be rejected');
}

describe('knowledge validation', () => {
  it('accepts a valid file', () => {
    const kb = buildKnowledgeBase([{ name: 'valid.yaml', text: valid }], lecture);
    expect(kb.size).toBe(2);
    expect(kb.get('benefits')?.title).toBe('Why use the cloud?');
  });

  it('when an answer is empty, names the file, the entry and the field', () => {
    const message = problemsOf(broken((doc) => (doc.entries[1].answer = '   ')));
    expect(message).toContain('knowledge/broken.yaml: entry "benefits", field "answer"');
  });

  it('when an entry has too few alternates, names the field', () => {
    const message = problemsOf(broken((doc) => (doc.entries[0].alternates = ['what is the cloud'])));
    expect(message).toMatch(/entry "cloud-computing", field "alternates": needs at least 6/);
  });

  it('when an entry combines what is not another sub-topic of its overview, names it', () => {
    const message = problemsOf(broken((doc) => (doc.entries[1].combines = ['cloud-computing'])));
    expect(message).toContain('entry "benefits", field "combines": "cloud-computing" is not another sub-topic of the same overview');
    expect(problemsOf(broken((doc) => (doc.entries[1].combines = ['cloud-computing', 'cloud-computing'])))).toContain('field "combines": an id is listed twice');
  });

  it('when an entry shares a list it cannot, says why', () => {
    // The fixture's overview lists the advantages; nothing lists the disadvantages.
    expect(problemsOf(broken((doc) => (doc.entries[0].sharesList = ['advantage'])))).toContain('entry "cloud-computing", field "sharesList": only a sub-topic shares the subject\'s list');
    expect(problemsOf(broken((doc) => (doc.entries[0].sharesList = ['disadvantage'])))).toContain('field "sharesList": no overview lists the disadvantages');
  });

  it('when an overview has duties, which only tell sub-topics apart, says so', () => {
    expect(problemsOf(broken((doc) => (doc.entries[0].duties = ['write code'])))).toContain('entry "cloud-computing", field "duties": only a sub-topic has duties, which tell it from its siblings');
  });

  it('rejects a fact marked as holding only often that ranks nothing on a scale', () => {
    const fact = { says: 'It is available all the time.', quote: 'Availability: online & supported 24/7', side: 'advantage', hedged: true };
    expect(problemsOf(broken((doc) => (doc.entries[1].facts = [fact])))).toContain('only a fact on a scale is hedged');
  });

  it('when two entries share an id, says which', () => {
    const message = problemsOf(broken((doc) => (doc.entries[1].id = 'cloud-computing')));
    expect(message).toMatch(/entry "cloud-computing", field "id": duplicate id/);
  });

  it('when a related id does not exist, names it', () => {
    const message = problemsOf(broken((doc) => (doc.entries[0].related = ['benefits', 'no-such-entry'])));
    expect(message).toContain('entry "cloud-computing", field "related": unknown id "no-such-entry"');
  });

  it('when an alternate question is repeated in another entry, names both entries', () => {
    const message = problemsOf(
      broken((doc) => (doc.entries[1].alternates = [...(doc.entries[1].alternates as string[]), 'What is the cloud?'])),
    );
    expect(message).toContain('entry "benefits", field "alternates": "What is the cloud?" is also an alternate of "cloud-computing"');
  });

  it('when a phrasing answered no is not one of the entry\'s alternates, names it', () => {
    const message = problemsOf(broken((doc) => (doc.entries[0].answeredNo = ['Is the cloud made of water?'])));
    expect(message).toContain('entry "cloud-computing", field "answeredNo": "Is the cloud made of water?" is not one of the entry\'s alternates');
  });

  it('when what an answer is said to say is not in the answer, names it: no belief could ever be denied by it', () => {
    const message = problemsOf(broken((doc) => (doc.entries[0].opposites = [{ said: 'made of water', denied: ['made of air'] }])));
    expect(message).toContain('entry "cloud-computing", field "opposites": "made of water" is not in the entry\'s answer');
  });

  it('when a quote is not in the lecture, says so', () => {
    const message = problemsOf(broken((doc) => (doc.entries[0].source = { section: 'What is the cloud', quotes: ['made up'] })));
    expect(message).toContain('field "source.quotes": "made up" is not in the lecture verbatim');
  });

  it('when a caveat quotes what the lecture does not say, on a scale that does not exist, pointing nowhere, names each', () => {
    const message = problemsOf(broken((doc) => (doc.entries[0].caveats = [{ scale: 'bother', says: 'It costs money.', quote: 'made up', see: 'no-such-entry' }])));
    expect(message).toContain('entry "cloud-computing", field "caveats[0].quote": "made up" is not in the lecture verbatim');
    expect(message).toContain('entry "cloud-computing", field "caveats[0].scale": unknown scale "bother"');
    expect(message).toContain('entry "cloud-computing", field "caveats[0].see": "no-such-entry" is not another entry');
  });

  it('when the section does not exist, lists the real ones', () => {
    const message = problemsOf(broken((doc) => (doc.entries[0].source = { section: 'Nowhere', quotes: ['Set of networks'] })));
    expect(message).toMatch(/field "source.section": "Nowhere" is not a lecture section \(.*Why use the Cloud/);
  });

  it('when a field is misspelt, rejects it instead of ignoring it', () => {
    const message = problemsOf(broken((doc) => (doc.entries[0].relatd = ['benefits'])));
    expect(message).toMatch(/entry "cloud-computing", field "\(entry\)": .*relatd/);
  });

  it('when the YAML does not parse, names the file', () => {
    const message = problemsOf([{ name: 'knowledge/bad.yaml', text: 'kind: topics\nentries: [\n' }]);
    expect(message).toContain('knowledge/bad.yaml: not valid YAML');
  });

  it('when two scales are implied by who does the work, names both', () => {
    const scales = (id: string) => `  - id: ${id}\n    more: [${id}]\n    impliedByWhoDoesIt: true\n`;
    const files = [
      { name: 'valid.yaml', text: valid },
      { name: 'scales.yaml', text: `kind: scales\nscales:\n${scales('effort')}${scales('bother')}` },
    ];
    expect(problemsOf(files)).toMatch(/only one scale can be implied by who does it, not effort, bother/);
  });

  it('when a smalltalk entry other than the help entry names the whole lecture, says only the help entry can', () => {
    const smalltalk = (id: string, helps: boolean) => `  - id: smalltalk.${id}\n    title: ${id}\n    alternates: [a, b, c, d, e, f]\n    helps: ${String(helps)}\n    wholeLecture: [lecture]\n    answer: ${id}.\n`;
    const files = [
      { name: 'valid.yaml', text: valid },
      { name: 'smalltalk.yaml', text: `kind: smalltalk\nentries:\n${smalltalk('help', true)}${smalltalk('hello', false)}` },
    ];
    const message = problemsOf(files);
    expect(message).toMatch(/smalltalk\.hello.*only the entry with `helps: true` answers the whole lecture/);
    expect(message).not.toMatch(/smalltalk\.help\b.*only the entry/);
  });

  it('reports every problem at once, not just the first', () => {
    const message = problemsOf(
      broken((doc) => {
        doc.entries[0].answer = '';
        doc.entries[1].related = ['missing'];
      }),
    );
    expect(message).toContain('field "answer"');
    expect(message).toContain('unknown id "missing"');
  });
});
