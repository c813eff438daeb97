import { Answerer } from '../../src/answering/Answerer';
import { Matcher } from '../../src/matching/Matcher';
import { twoFamiliesKnowledgeBase } from '../matching/fixtures/twoFamilies';
import { tinyKnowledgeBase } from '../matching/fixtures/tinyKnowledge';

/**
 * Two questions about topics of different families, joined by one "and", on a made-up lecture of
 * two families (fruit, vegetables): both answers in the order asked, where one half alone would
 * have been answered and the other left unsaid.
 */
describe('two questions asked at once about topics of different families', () => {
  const kb = twoFamiliesKnowledgeBase();
  const answerer = new Answerer(kb, new Matcher(kb));
  const paragraphs = (question: string) => answerer.answerQuestion(question).text.split('\n\n');

  it.each([
    ['what is the apple and what is the leek?', ['The apple', 'The leek']],
    ['what is the leek and what is the apple?', ['The leek', 'The apple']],
    ['explain the carrot and the pear', ['The carrot', 'The pear']],
  ])('"%s" gets both answers, in the order asked', (question, [first, second]) => {
    const [heading, one, two] = paragraphs(question);
    expect(heading).toBe(`"${first}" and "${second}", in the lecture's words:`);
    expect(one).toMatch(new RegExp(`^\\*\\*${first}\\*\\*: `));
    expect(two).toMatch(new RegExp(`^\\*\\*${second}\\*\\*: `));
  });

  it('a second half that points back at the first ("explain the apple and tell me about it") is one question about it', () => {
    const reply = answerer.answerQuestion('explain the apple and tell me about it');
    expect(reply.id).toBe('fruit.apple');
    expect(reply.text).toMatch(/^An apple is crisp/);
  });

  it('two names after a question that is not a verb of its own ("what is the apple and the leek") are not taken for two questions', () => {
    expect(paragraphs('what is the apple and the leek')[0]).not.toMatch(/ and .*in the lecture's words:$/);
  });
});

/** Two choices in one question ("which … and which …"), on the tiny lecture of one family. */
describe('two choices asked at once', () => {
  const kb = tinyKnowledgeBase();
  const answerer = new Answerer(kb, new Matcher(kb));

  it('"which vehicle needs the least effort and which is the most expensive?" gets both parts, in the order asked', () => {
    const reply = answerer.answerQuestion('which vehicle needs the least effort and which is the most expensive?');
    expect(reply.id).toBe('vehicles.bus');
    expect(reply.text.split('\n\n')[0]).toBe('"The bus" and "The car", in the lecture\'s words:');
  });

  it('a second "which" that is no part of its own is left to the question as a whole', () => {
    const reply = answerer.answerQuestion('which vehicle needs the least effort and which way is the quickest to the moon?');
    expect(reply.text).not.toMatch(/^"The bus" and/);
  });
});
