import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { isTopic } from '../../src/knowledge/KnowledgeBase';
import { lintKnowledgeBase } from '../../src/lint/lintKnowledgeBase';
import { Matcher } from '../../src/matching/Matcher';
import { DEFAULT_PROPOSAL_OPTIONS, type KnowledgeFolder, NO_ENTRY_FITS, type Proposal, propose, readKnowledgeFolder } from '../../src/records/proposals';
import { PROPOSAL_FOLDER, writeProposalKnowledge } from './fixtures/proposalKnowledge';

const folder: KnowledgeFolder = PROPOSAL_FOLDER;

function only(proposals: Proposal[]): Proposal {
  expect(proposals).toHaveLength(1);
  return proposals[0] ?? { kind: 'none', reason: 'missing' };
}

/** The lines a patch adds, without the "+". */
function added(patch: string): string[] {
  return patch.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++')).map((line) => line.slice(1));
}

describe('proposing where a question belongs in the knowledge base (a small made-up one)', () => {
  it('makes a wording that names the entry it fits an alternate of it, and patches the entry\'s alternates', () => {
    const { proposals, patch } = propose([{ question: 'is the bus cheap for students' }], folder);
    expect(only(proposals)).toEqual({ kind: 'alternate', entryId: 'vehicles.bus', file: 'vehicles.yaml', phrasing: 'is the bus cheap for students', score: expect.any(Number) as unknown, chosenBy: 'question', problems: [] });
    expect(added(patch)).toEqual(['      - is the bus cheap for students']);
    expect(patch).toMatch(/^diff --git a\/knowledge\/vehicles\.yaml b\/knowledge\/vehicles\.yaml\n--- a\/knowledge\/vehicles\.yaml\n\+\+\+ b\/knowledge\/vehicles\.yaml\n@@ /);
  });

  it('makes one that describes what the entry is for without naming it a situation, and one that names it an alternate', () => {
    const [described, named] = propose([{ question: 'i like to pedal up hills to keep fit' }, { question: 'i like to pedal my bike up hills to keep fit' }], folder).proposals;
    expect(described).toMatchObject({ kind: 'situation', entryId: 'vehicles.bike', problems: [] });
    expect(named).toMatchObject({ kind: 'alternate', entryId: 'vehicles.bike', problems: [] });
  });

  it('lets the teaching team\'s answer choose the entry the question alone does not name, and gives the entry situations if it had none', () => {
    const alone = only(propose([{ question: 'how much does it cost to run' }], folder).proposals);
    expect(alone).toEqual({ kind: 'none', reason: expect.stringContaining(NO_ENTRY_FITS) as unknown });
    const { proposals, patch } = propose([{ question: 'how much does it cost to run', answer: 'The car is the most expensive to run: fuel, insurance and parking.' }], folder);
    expect(only(proposals)).toMatchObject({ kind: 'situation', entryId: 'vehicles.car', chosenBy: 'answer', problems: [] });
    expect(added(patch)).toEqual(['    situations:', '      - "how much does it cost to run"']);
  });

  it('proposes nothing when the question and the answer clearly point to different entries', () => {
    const proposal = only(propose([{ question: 'what is the price of a bus pass for students', answer: 'The bike costs nothing to run: pedal up every hill.' }], folder).proposals);
    expect(proposal).toEqual({ kind: 'none', reason: `${NO_ENTRY_FITS} (the question points to vehicles.bus, the answer to vehicles.bike)` });
  });

  it.each([
    ['the lecture has nothing on it', 'how do volcanoes erupt'],
    ['two entries fit it about as well', 'is a bus pass cheaper than fuel for the car'],
    ['its best entry fits it only weakly', 'is the bus ok when it is late at night'],
  ])('says "no entry fits: consider a new entry" when %s, and puts nothing in the patch', (_, question) => {
    const { proposals, patch } = propose([{ question }], folder);
    expect(only(proposals)).toEqual({ kind: 'none', reason: expect.stringMatching(/^no entry fits: consider a new entry \(.+\)$/) as unknown });
    expect(patch).toBe('');
  });

  it('does not propose a wording the knowledge base already has, or one proposed earlier in the same review', () => {
    const { proposals, patch } = propose([{ question: 'Is the bus any good?' }, { question: 'is the bus cheap for students' }, { question: 'Is the bus cheap, for students?' }], folder);
    expect(proposals.map((proposal) => (proposal.kind === 'none' ? proposal.reason : proposal.kind))).toEqual([
      'already in the knowledge base: an alternate of vehicles.bus',
      'alternate',
      'the same wording as another proposal in this review',
    ]);
    expect(added(patch)).toHaveLength(1);
  });

  it('checks each proposal as kb:lint does and leaves one that would fail out of the patch, saying why', () => {
    // "what is X" is answered only when X is a name of the entry, so as a situation it would be declined.
    const { proposals, patch } = propose([{ question: 'what is a helmet' }, { question: 'is the bus cheap for students' }], folder);
    expect(proposals[0]).toMatchObject({ kind: 'situation', entryId: 'vehicles.bike', problems: ['situation "what is a helmet" of vehicles.bike retrieves fallback'] });
    expect(proposals[1]).toMatchObject({ kind: 'alternate', problems: [] });
    expect(added(patch)).toEqual(['      - is the bus cheap for students']);
  });

  it('does not blame a proposal for what kb:lint already reports: the car has no situations before any proposal', () => {
    const kb = buildKnowledgeBase([...folder.files].map(([name, text]) => ({ name, text })), folder.lecture);
    expect(lintKnowledgeBase(kb, new Matcher(kb), DEFAULT_PROPOSAL_OPTIONS.lintMargin).withoutSituations).toEqual(['vehicles.car']);
    const { proposals } = propose([{ question: 'is the bus cheap for students' }], folder);
    expect(only(proposals)).toMatchObject({ problems: [] });
  });

  describe('on a knowledge folder on disk', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'cloudbot-proposals-'));
    });
    afterEach(() => {
      rmSync(root, { recursive: true, force: true });
    });

    const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 10_000 });
    const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

    it('writes nothing to it, and the patch applies with git apply to a copy, giving a knowledge base that answers each proposal with its entry', () => {
      const original = writeProposalKnowledge(join(root, 'original'));
      const copy = writeProposalKnowledge(join(root, 'copy'));
      const before = snapshot(original);
      const wordings = [
        { question: 'is the bus cheap for students' },
        { question: 'i like to pedal up hills to keep fit' },
        { question: 'how much does it cost to run', answer: 'The car is the most expensive to run: fuel, insurance and parking.' },
        { question: 'how do volcanoes erupt' },
      ];
      const { proposals, patch } = propose(wordings, readKnowledgeFolder(original));
      expect(snapshot(original)).toEqual(before);
      const passing = proposals.flatMap((proposal) => (proposal.kind !== 'none' && proposal.problems.length === 0 ? [proposal] : []));
      expect(passing.map((proposal) => proposal.entryId)).toEqual(['vehicles.bus', 'vehicles.bike', 'vehicles.car']);

      const patchFile = join(root, 'proposals.patch');
      writeFileSync(patchFile, patch);
      const repository = join(root, 'copy');
      expect(git(repository, 'init', '-q').status).toBe(0);
      const check = git(repository, 'apply', '--check', patchFile);
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
      expect(git(repository, 'apply', patchFile).status).toBe(0);

      const kb = loadKnowledgeBase(copy);
      const matcher = new Matcher(kb);
      for (const proposal of passing) {
        const entry = kb.get(proposal.entryId);
        const list = proposal.kind === 'alternate' ? entry?.alternates : entry && isTopic(entry) ? entry.situations : undefined;
        expect(list).toContain(proposal.phrasing);
        expect(matcher.match(proposal.phrasing).id).toBe(proposal.entryId);
      }
    });
  });
});
