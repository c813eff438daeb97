import { claimIn } from '../../src/matching/asking';

/**
 * `claimIn` reads, from the words alone, a claim that a thing is a named topic; which words name
 * a topic is the knowledge base's to say, here a list.
 */
describe('claimIn', () => {
  const NAMES: Record<string, string> = { saas: 'saas', paas: 'paas', 'private cloud': 'private', 'public cloud': 'public', public: 'public', 'public and private': 'overview' };
  const nameOf = (text: string) => NAMES[text];

  it.each([
    ['is jupyter saas', 'jupyter', 'saas'],
    ['is azure an example of a private cloud', 'azure', 'private cloud'],
    ['are the college hpc clusters a kind of public cloud', 'the college hpc clusters', 'public cloud'],
    ['the most basic model is saas right', 'the most basic model', 'saas'],
    ['having to set up the os myself that is paas is not it', 'having to set up the os myself', 'paas'],
    ['natural backups that was the paas point was not it', 'natural backups', 'paas'],
    ['the model where you buy services is the private cloud is not it', 'the model where you buy services', 'private cloud'],
  ])('reads "%s" as a claim that %j is %j', (text, described, claimed) => {
    expect(claimIn(text, nameOf)).toEqual({ described, claimed });
  });

  it('takes the longest name at the end: "public and private" is not the private cloud', () => {
    expect(claimIn('is a mix of public and private', nameOf)).toBeUndefined();
  });

  it.each([
    ['a comparison', 'is saas cheaper than paas'],
    ['a choice', 'is azure saas or paas'],
    ['a choice inside the thing', 'is it smarter to add paas or go fully saas'],
    ['a question', 'saas seems fine but what is paas'],
    ['a question opening a statement', 'what i want is saas'],
    ['a question about the named topic', 'is saas something i install myself'],
    ['no name at the end', 'is azure cheap'],
    ['a name that is not whole ("than paas")', 'is it less effort than paas'],
  ])('reads no claim in %s ("%s")', (_, text) => {
    expect(claimIn(text, nameOf)).toBeUndefined();
  });
});
