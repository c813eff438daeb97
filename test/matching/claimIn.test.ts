import { asksForOrigin, claimIn, combines, isNoEvidence, negatedSpans, preferredTo, tellsOfOrigin, unnegatedChoice } from '../../src/matching/asking';

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
    ['is jupyter one of the saas', 'jupyter', 'saas'],
    ['is jupyter listed as a saas', 'jupyter', 'saas'],
    ['is azure considered an example of a private cloud', 'azure', 'private cloud'],
    ['ict only uses a public cloud does not it', 'ict', 'public cloud'],
    ['web mail counts as paas right', 'web mail', 'paas'],
  ])('reads "%s" as a claim that %j is what %j names', (text, described, claimed) => {
    expect(claimIn(text, nameOf)).toEqual({ described, claimed: nameOf(claimed) });
  });

  it.each([
    ['is saas the model with the most control', 'the model with the most control', 'saas'],
    ['is not saas the one where you write code', 'the one where you write code', 'saas'],
    ['is the private cloud the one that everyone shares', 'the one that everyone shares', 'private cloud'],
    ['is a private cloud one where everyone shares the machines', 'one where everyone shares the machines', 'private cloud'],
    ['paas is about having backups right', 'having backups', 'paas'],
    ['saas is when you only bring your data is not it', 'you only bring your data', 'saas'],
  ])('reads "%s", the name first, as a claim that %j is what %j names', (text, described, claimed) => {
    expect(claimIn(text, nameOf)).toEqual({ described, claimed: nameOf(claimed), nameFirst: true });
  });

  it.each([
    ['i think saas means you only bring your data is that right', 'you only bring your data', 'saas'],
    ['my friend says paas means you pay more and get more is he right', 'you pay more and get more', 'paas'],
    ['is it true that the private cloud means renting from a provider', 'renting from a provider', 'private cloud'],
  ])('reads "%s", whoever holds the belief and however agreement is asked, as what %j is said to mean', (text, described, claimed) => {
    expect(claimIn(text, nameOf)).toEqual({ described, claimed: nameOf(claimed), nameFirst: true, meaning: true });
  });

  it.each([
    ['the public cloud gives you full control right', 'gives you full control', 'public cloud'],
    ['i think paas lets you just bring the data', 'lets you just bring the data', 'paas'],
  ])('reads "%s", what a name is said to do, asked for agreement, as a belief like what it means: %j of %j', (text, described, claimed) => {
    expect(claimIn(text, nameOf)).toEqual({ described, claimed: nameOf(claimed), nameFirst: true, meaning: true });
  });

  it.each([
    ['we rent a whole machine and install everything ourselves is that saas', 'we rent a whole machine and install everything ourselves', 'saas'],
    ['our servers sit in a far away data centre only we use so would that be a public cloud', 'our servers sit in a far away data centre only we use', 'public cloud'],
    ['the provider sets up the os but we bring our code is this paas', 'the provider sets up the os but we bring our code', 'paas'],
  ])('reads "%s", a situation told and then named, as a claim that %j is what %j names', (text, described, claimed) => {
    expect(claimIn(text, nameOf)).toEqual({ described, claimed: nameOf(claimed) });
  });

  it.each([
    ['when would you pick a hybrid cloud over a private cloud is that paas', 'a question before the name'],
    ['we pay is that saas', 'too few words to be a situation'],
    ['the provider runs the app is that a hybrid cloud', 'a name no part has'],
  ])('reads no situation claim in "%s": %s', (text) => {
    expect(claimIn(text, nameOf)).toBeUndefined();
  });

  it('reads no claim that a thing is all of what a name names ("costs of the cloud is it only saas"): naming it never confirms that', () => {
    // A knowledge base finds a name among other words ("only the machine hire" names costs).
    const nameIn = (text: string) => Object.entries(NAMES).find(([name]) => text.endsWith(name))?.[1];
    expect(claimIn('costs of the cloud is it only saas', nameIn)).toBeUndefined();
    expect(claimIn('the cloud is only saas right', nameIn)).toBeUndefined();
    expect(claimIn('the cloud is saas right', nameIn)).toEqual({ described: 'the cloud', claimed: 'saas' });
  });

  it('reads no claim, the name first, where a question word opens it ("who does the saas when you bring data"): the question asks about what follows', () => {
    const nameIn = (text: string) => Object.entries(NAMES).find(([name]) => text.endsWith(name))?.[1];
    expect(claimIn('who does the saas when you bring data', nameIn)).toBeUndefined();
    expect(claimIn('the saas when you bring data', nameIn)).toEqual({ described: 'you bring data', claimed: 'saas', nameFirst: true });
  });

  it('reads no claim in what a name is said to do when nobody asks for agreement ("saas gives you what"): it may begin a question', () => {
    expect(claimIn('saas gives you what', nameOf)).toBeUndefined();
    expect(claimIn('saas gives you the software', nameOf)).toBeUndefined();
  });

  it.each([
    ['a question about the named topic, not a description of one thing', 'is saas a thing i install myself'],
    ['a comparison inside the description', 'is saas the one where i only bring data unlike paas'],
    ['a choice inside the description', 'is saas the one where i write code or the one where i bring data'],
  ])('reads no claim, the name first, in %s ("%s")', (_, text) => {
    expect(claimIn(text, nameOf)).toBeUndefined();
  });

  it.each([
    ['in saas do i write the code', 'do i write the code', 'saas'],
    ['in a private cloud i share the hardware with other companies', 'i share the hardware with other companies', 'private cloud'],
    ['with paas the provider runs the os right', 'the provider runs the os', 'paas'],
    ['if i use paas do i still update the os myself', 'do i still update the os myself', 'paas'],
    ['so when we use saas do we write the code', 'do we write the code', 'saas'],
    ['in paas do i update the os myself or does the provider do that', 'do i update the os myself', 'paas'],
    ['do i have to set up the os myself with saas', 'do i have to set up the os myself', 'saas'],
    ['can we run our own code in a private cloud', 'can we run our own code', 'private cloud'],
    ['does saas mean i have to write my own code', 'i have to write my own code', 'saas'],
  ])('reads "%s" as a belief that %j happens within what %j names', (text, described, claimed) => {
    expect(claimIn(text, nameOf)).toEqual({ described, claimed: nameOf(claimed), within: true });
  });

  it.each([
    ['a question word after the name', 'in a private cloud who owns the machines'],
    ['neither a yes or no, nor who does what, nor a tag', 'in saas the data'],
    ['no topic after "with"', 'do i share the hardware with other users'],
    ['a topic that is only part of what follows "with"', 'do i share the hardware with public cloud users'],
    ['what a topic means with no one doing anything', 'does saas mean software'],
  ])('reads no belief within a topic in %s ("%s")', (_, text) => {
    expect(claimIn(text, nameOf)).toBeUndefined();
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
    ['a thing described by what it lacks', 'is not sharing hardware a public cloud'],
    ['a thing described by what it lacks, stated', 'little control over the os is saas right'],
  ])('reads no claim in %s ("%s")', (_, text) => {
    expect(claimIn(text, nameOf)).toBeUndefined();
  });
});

describe('unnegatedChoice', () => {
  it.each([
    ['which cloud does not mean buying computers', 'which cloud does mean buying computers'],
    ['which one needs no data centre of our own', 'which one needs data centre of our own'],
    ['infrastructure as a service or software as a service which does not need me to set up the os', 'infrastructure as a service or software as a service which does need me to set up the os'],
  ])('reads "%s" without its negation', (text, without) => {
    expect(unnegatedChoice(text)).toBe(without);
  });

  it.each([
    ['no choice before the negation', 'we do not buy computers so which cloud is it'],
    ['two negations', 'which cloud does not mean not buying computers'],
    ['a clause of its own', 'which cloud should we avoid if we do not buy computers'],
    ['a contrast', 'which benefit is not about cost but about reach'],
    ['a limit', 'which cloud is not only bought as needed'],
    ['a list', 'which of these is not a deployment model public paas private'],
  ])('reads none where there is %s ("%s")', (_, text) => {
    expect(unnegatedChoice(text)).toBeUndefined();
  });
});

describe('isNoEvidence', () => {
  it.each([["we don't want to buy any computers"], ['no servers of our own'], ['is my data shared in a public cloud?'], ['can other customers see my data?']])('takes %j for no evidence of what its words describe', (phrasing) => {
    expect(isNoEvidence(phrasing)).toBe(true);
  });

  it.each([['own servers'], ['what types of cloud are there'], ['buy services as needed']])('takes %j for evidence', (phrasing) => {
    expect(isNoEvidence(phrasing)).toBe(false);
  });
});

describe('preferredTo', () => {
  it.each([
    ['when would i take the bus over the car', { preferred: 'take the bus', against: 'the car', others: false, givenUp: false, compared: false }],
    ['what do i give up renting over buying', { preferred: 'give up renting', against: 'buying', others: false, givenUp: true, compared: false }],
    ['what does the car have over the others', { preferred: 'the car have', against: 'the others', others: true, givenUp: false, compared: false }],
    ['the bike over the other ones for hills', { preferred: 'the bike', against: 'the other ones', others: true, givenUp: false, compared: false }],
    ['the downside of the bus compared to the car', { preferred: 'of the bus', against: 'the car', others: false, givenUp: false, compared: true }],
    ['what do i lose with the bus compared with the bike', { preferred: 'with the bus', against: 'the bike', others: false, givenUp: true, compared: true }],
  ])('reads the few words on each side of the preference in "%s"', (text, parts) => {
    expect(preferredTo(text)).toEqual(parts);
  });

  it.each([
    ['no preference', 'which is cheaper the bus or the car'],
    ['two', 'the bus over the car over the bike'],
    ['nothing before it', 'over the car'],
    ['nothing after it', 'i thought it over'],
    ['a word of control before it', 'who has control over the bus'],
  ])('reads none where there is %s ("%s")', (_, text) => {
    expect(preferredTo(text)).toBeUndefined();
  });

  it('reads what is given up only as the question asked, and "the others" only as the rest of a kind', () => {
    expect(preferredTo('i am afraid of losing my bag why take the bus over the car')?.givenUp).toBe(false);
    expect(preferredTo('how much do i give up taking the bus over the car')?.givenUp).toBe(true);
    expect(preferredTo('why take the bus over other people s cars')?.others).toBe(false);
    expect(preferredTo('why take the bus over the rest')?.others).toBe(true);
  });
});

describe('combines', () => {
  it.each(['combining renting and owning', 'a mix of the two', 'renting and owning together', 'a blend of both', 'merging them', 'what combination is that'])('reads things put together in "%s"', (text) => {
    expect(combines(text)).toBe(true);
  });

  it.each(['i keep mixing up renting and owning', 'i mixed them up', 'renting or owning', 'what is shared ownership', 'i am putting together a list of renting and owning', 'i always mix renting and owning up'])('reads nothing put together in "%s"', (text) => {
    expect(combines(text)).toBe(false);
  });
});

describe('asksForOrigin', () => {
  it.each([
    'who invented the bus',
    'who came up with the idea of the bike and when',
    'when was the term coined',
    'in what year was the bus company founded',
    'the bike was invented in france did not they',
    'did the romans invent roads',
    'what is the history of the car',
    'how did the bus company get started historically',
    'how did people travel before the bike existed',
    'what was the very first car',
    'which town launched the first bus service',
  ])('reads a question about where a thing came from in "%s"', (text) => {
    expect(asksForOrigin(text)).toBe(true);
  });

  it.each([
    'my cousin invented a bike bell is the bike worth it',
    'who drives the bus',
    'when should i take the car',
    'a young inventor wants to rent a car',
    'what is the first thing to check before i ride the bike',
    'when i first used the bus it was late why',
    'we came up with a plan to cycle is that right',
    'when should i come up with a plan for the car',
    'what was the first example of the bus in the lecture',
    'the history of my trips is lost can the bike help',
    'historically speaking what is a bus',
  ])('reads none in "%s"', (text) => {
    expect(asksForOrigin(text)).toBe(false);
  });

  it('tells an answer that gives an origin from one that does not', () => {
    expect(tellsOfOrigin('The bike was Invented two hundred years ago.')).toBe(true);
    expect(tellsOfOrigin('The bike takes the most effort.')).toBe(false);
  });
});

describe('negatedSpans', () => {
  it.each([
    ['we do not want to have to patch the os which model', ['patch the os'], 'we do which model'],
    ['nobody can run servers or write code', ['run servers or write code'], ''],
    ['which one needs no data centre of our own', ['data centre of our own'], 'which one needs'],
    ['without buying a single piece of hardware which cloud', ['buying a single piece of hardware'], 'which cloud'],
    ['which one if we never want to own a server', ['own a server'], 'which one if we'],
  ])('reads in "%s" what each negation says is not done, and what else it says', (text, governed, rest) => {
    expect(negatedSpans(text)).toEqual({ governed, minded: governed.map(() => undefined), rest, bare: false });
  });

  it.each([
    ['we do not want to deal with servers or code', 'servers or code', 'servers or code'],
    ['i do not care about servers which model', 'care about servers', 'servers'],
    ['i do not want to think about the os', 'think about the os', 'the os'],
    ['we do not want to handle os updates', 'handle os updates', 'os updates'],
  ])('reads in "%s" what a verb of minding says is not minded', (text, governed, minded) => {
    expect(negatedSpans(text)).toMatchObject({ governed: [governed], minded: [minded] });
  });

  it('says when a negation governs nothing of its own ("which should we avoid if…"), which may turn the question round', () => {
    expect(negatedSpans('which should we avoid if we do not want to update')).toEqual({ governed: ['update'], minded: [undefined], rest: 'which should we if we do', bare: true });
  });

  it.each([
    ['a negation of something else than doing', 'we do not mind sharing the hardware'],
    ['a negation in a clause a "that" opens after another', 'i do not want something so locked down that i can not run my code'],
  ])('reads nothing negated in %s ("%s")', (_, text) => {
    expect(negatedSpans(text).governed.filter((span) => span.startsWith('run') || span.startsWith('sharing'))).toEqual([]);
  });
});

