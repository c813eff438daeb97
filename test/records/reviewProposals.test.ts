import { buildKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { Matcher } from '../../src/matching/Matcher';
import type { KnowledgeFolder } from '../../src/records/proposals';
import type { QuestionRecord } from '../../src/records/records';
import { type AnsweredQuestion, formatReview, review, withProposals } from '../../src/records/review';
import { PROPOSAL_FOLDER } from './fixtures/proposalKnowledge';

const folder: KnowledgeFolder = PROPOSAL_FOLDER;
const matcher = new Matcher(buildKnowledgeBase([...folder.files].map(([name, text]) => ({ name, text })), folder.lecture));
const termsOf = (text: string) => matcher.termsOf(text);

const at = '2026-12-04T09:00:00.000Z';
function asked(question: string, outcome: QuestionRecord['outcome'] = 'fallback'): QuestionRecord {
  return { kind: 'question', outcome, question, confidence: 0.2, candidates: [], at, conversation: 'c1' };
}
function answered(question: string, answer: string, answeredAt: string, rating?: 'up' | 'down'): AnsweredQuestion {
  return { question, answer, answeredBy: 'Dr Ada Lovelace', answeredAt, rating, reason: 'fallback' };
}

describe('kb:review with answered tickets and proposals', () => {
  it('reviews only question and feedback records: other kinds, and records that do not parse, are left out', () => {
    const records = [
      asked('how do volcanoes erupt'),
      { kind: 'turn', outcome: 'answered', entryId: 'vehicles.bus', via: 'typed', at, conversation: 'c1' },
      { kind: 'quiz-answer', entryId: 'vehicles.bus', questionId: 'q1', correct: true, at, conversation: 'c1' },
      { kind: 'question', question: 'a question record without its outcome', at },
      { kind: 'feedback', vote: 'down', entryId: 'vehicles.car', question: 'should i drive', confidence: 0.9, at, user: 'u1' },
    ];
    const report = review(records, termsOf);
    expect(report.records).toBe(2);
    expect(report.questions.map((group) => group.wordings)).toEqual([['how do volcanoes erupt']]);
    expect(report.votes).toEqual([{ entryId: 'vehicles.car', down: 1, up: 0, questions: ['should i drive'] }]);
  });

  it('lists the answered questions newest first, with the answer, who gave it and the student\'s rating', () => {
    const report = review([], termsOf, [
      answered('is the bus cheap for students', 'Yes, a bus pass is cheap for students.', '2026-12-01T10:00:00.000Z', 'up'),
      answered('how much does it cost to run', 'The car is the most expensive to run: fuel, insurance and parking.', '2026-12-03T10:00:00.000Z'),
    ]);
    expect(report.answered.map((item) => item.question)).toEqual(['how much does it cost to run', 'is the bus cheap for students']);
    const text = formatReview(report);
    expect(text).toContain('0 records, 2 answered tickets.');
    expect(text).toContain('  "how much does it cost to run" (after fallback), answered by Dr Ada Lovelace on 2026-12-03, not rated\n      answer: "The car is the most expensive to run: fuel, insurance and parking."');
    expect(text).toContain('  "is the bus cheap for students" (after fallback), answered by Dr Ada Lovelace on 2026-12-01, rated 👍');
  });

  it('proposes for each answered question and each group, placing a wording asked of both with the help of the team\'s answer', () => {
    const report = review(
      [asked('how much does it cost to run'), asked('how much does it cost to run'), asked('how do volcanoes erupt'), asked('is the bus cheap for students', 'low-confidence')],
      termsOf,
      [answered('how much does it cost to run', 'The car is the most expensive to run: fuel, insurance and parking.', at, 'down')],
    );
    const { review: proposed, patch } = withProposals(report, folder);
    expect(proposed.answered[0]?.proposal).toMatchObject({ kind: 'situation', entryId: 'vehicles.car', chosenBy: 'answer', problems: [] });
    expect(proposed.questions.map((group) => [group.wordings[0], group.proposal?.kind === 'none' ? group.proposal.reason : group.proposal?.kind])).toEqual([
      ['how much does it cost to run', 'the same wording as another proposal in this review'],
      ['how do volcanoes erupt', 'no entry fits: consider a new entry (no entry is near)'],
      ['is the bus cheap for students', 'alternate'],
    ]);
    expect(patch).toContain('+      - "how much does it cost to run"');
    expect(patch).toContain('+      - is the bus cheap for students');

    const text = formatReview(proposed);
    expect(text).toContain(
      '  2× "how much does it cost to run" (fallback 2)\n      → the same wording as another proposal in this review\n' +
        '  1× "how do volcanoes erupt" (fallback 1)\n      → no entry fits: consider a new entry (no entry is near)\n',
    );
    expect(text).toMatch(/answered by Dr Ada Lovelace on 2026-12-04, rated 👎\n {6}answer: ".+"\n {6}→ situation of vehicles\.car \(vehicles\.yaml\), chosen by the answer at 0\.\d\d: passes kb:lint; in the patch\n/);
  });

  it('says in the listing why a proposal would fail kb:lint', () => {
    const { review: proposed } = withProposals(review([asked('what is a helmet')], termsOf), folder);
    expect(formatReview(proposed)).toMatch(
      /\n {6}→ situation of vehicles\.bike \(vehicles\.yaml\), chosen by the question at \d\.\d\d: would fail kb:lint, so not in the patch:\n {10}situation "what is a helmet" of vehicles\.bike retrieves fallback\n/,
    );
  });
});
