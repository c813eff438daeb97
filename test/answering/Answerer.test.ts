import { Answerer } from '../../src/answering/Answerer';
import { Matcher } from '../../src/matching/Matcher';
import { QuestionClassifier } from '../../src/matching/questionModel';
import { committedQuestionModel } from '../../scripts/eval/runEval';
import { Conversation } from '../../src/conversation/Conversation';
import { freshMemory } from '../../src/conversation/memory';
import { realAnswerer, realKnowledgeBase, realMatcher } from '../support/knowledge';

const overviewTitles = () => realKnowledgeBase().overviews.map((entry) => entry.title);

describe('a caveat the lecture gives elsewhere', () => {
  const said = (question: string) => realAnswerer().answerQuestion(question);

  it('follows an answer asked about its scale: "is the cloud cheaper?" gets the definition, then the costs it also lists against the cloud, offered first', () => {
    const reply = said('is the cloud cheaper?');
    expect(reply.id).toBe('cloud-computing');
    expect(reply.text).toContain('**But note:** The lecture also lists costs (data transfer and machine hire) among its reasons not to use the cloud.');
    expect(reply.text.indexOf('**But note:**')).toBeLessThan(reply.text.indexOf('_Source'));
    expect(reply.suggestions[0]?.id).toBe('drawbacks.costs');
  });

  it('and the other way: the costs drawback with the definition\'s lower operating costs', () => {
    expect(said('is the cloud expensive?').text).toContain("**But note:** The lecture's definition of cloud computing also says it lowers operating costs.");
  });

  it('not where the question does not ask about that scale', () => {
    expect(said('what is cloud computing?').text).not.toContain('But note');
  });
});

describe('the Answerer\'s own sentences', () => {
  describe('the fallback, for "what is kubernetes"', () => {
    const reply = realAnswerer().answerQuestion('what is kubernetes');

    it('apologises and lists the topics one a line, with their titles as written', () => {
      expect(reply.kind).toBe('fallback');
      const lines = reply.text.split('\n');
      expect(lines[0]).toBe("Sorry, I don't know that. I can only answer questions about Lecture 5: Cloud computing, which covers:");
      expect(lines.slice(1, 1 + overviewTitles().length)).toEqual(overviewTitles().map((title) => `- ${title}`));
      expect(reply.text).toContain('IaaS, PaaS and SaaS compared');
    });

    it('never runs a question mark into a full stop', () => {
      expect(reply.text).not.toMatch(/\?\./);
    });

    it('offers the topics as buttons', () => {
      expect(reply.suggestions.map((suggestion) => suggestion.title)).toEqual(overviewTitles());
    });
  });

  describe('a decline of a question that asks for one of a family it names', () => {
    it('lists and offers that family\'s parts, then its overview: "which deployment model does Netflix use?"', () => {
      const reply = realAnswerer().answerQuestion('Which deployment model does Netflix use?');
      expect(reply).toMatchObject({ kind: 'fallback', declined: true });
      const family = realKnowledgeBase().get('deployment-models');
      const parts = realKnowledgeBase().childrenOf('deployment-models');
      expect(reply.text.split('\n')).toEqual([
        `Sorry, I can't tell which one that is from the lecture. Under "${family?.title}" it gives:`,
        ...parts.map((part) => `- ${part.title}`),
        '',
        'Pick one to read about it, or ask in other words.',
      ]);
      expect(reply.suggestions.map((suggestion) => suggestion.id)).toEqual([...parts.map((part) => part.id), 'deployment-models']);
    });

    it('the same for "what … is that?": "my cat sat on the keyboard, what drawback is that?"', () => {
      const reply = realAnswerer().answerQuestion('my cat sat on the keyboard, what drawback is that?');
      expect(reply.text).toMatch(/^Sorry, I can't tell which one that is from the lecture\. Under "Why not use the cloud\?" it gives:/);
    });

    it('keeps the plain decline where the family is asked about whole, not for one of it: "what are the benefits of kubernetes?"', () => {
      expect(realAnswerer().answerQuestion('what are the benefits of kubernetes?').text).toMatch(/^Sorry, I don't know that\./);
    });
  });

  describe('a thing the lecture names in passing but never explains', () => {
    it('is declined, saying where the lecture mentions it, with that sentence: "what is Azure?"', () => {
      const reply = realAnswerer().answerQuestion('what is azure?');
      expect(reply.kind).toBe('fallback');
      expect(reply.declined).toBe(true);
      expect(reply.text).toMatch(/^The lecture does not explain "Azure": it only mentions it, under "Public cloud":\n\n> Providers include Microsoft Azure, /);
      expect(reply.suggestions[0]?.id).toBe('deployment-models.public');
    });

    it('keeps the plain decline for a thing the lecture mentions in several answers, or in none', () => {
      expect(realAnswerer().answerQuestion('what is docker?').text).toMatch(/^Sorry, I don't know that\./);
      expect(realAnswerer().answerQuestion('what is google?').text).toMatch(/^Sorry, I don't know that\./);
    });
  });

  describe('a message with nothing to answer', () => {
    const conversation = new Conversation(realKnowledgeBase(), realMatcher(), realAnswerer());

    // "i don't know" leaves only "not", which is in "Why not use the cloud?": it used to get the drawbacks.
    // "i see" used to match "see you" and get a goodbye.
    it.each(['ok', 'hmm', '', 'okay?', "i don't know", 'i do not understand', 'i dont get it', 'i see', 'k', 'cool', 'yes', 'got it', "I'm confused", 'that makes no sense', 'say that again'])('prompts for a question after "%s", without the apology', (text) => {
      const reply = conversation.respond(text, freshMemory()).reply;
      expect(reply.text).toBe('What would you like to know about Lecture 5? Ask in your own words, for example "What is PaaS?", or pick a topic below.');
      expect(reply.suggestions.map((suggestion) => suggestion.title)).toEqual(overviewTitles());
    });

    it('still answers a question whose "not" means something, and still says goodbye to "see you"', () => {
      expect(conversation.respond('why not use the cloud', freshMemory()).reply.id).toBe('drawbacks');
      expect(conversation.respond('see you', freshMemory()).reply.id).toBe('smalltalk.goodbye');
    });

    it.each(["I don't understand", 'i still dont get it', "I'm confused", 'that makes no sense', 'what do you mean?', 'hmm, not sure I follow', 'in simpler words', 'can you explain it more simply?', 'ELI5 please'])('after a topic, "%s" asks which part is unclear, keeps the topic and offers its related topics', (text) => {
      const turn = conversation.respond(text, { ...freshMemory(), lastTopic: 'service-models.paas' });
      expect(turn.reply.text).toMatch(/^Which part of "Platform as a service \(PaaS\)" is unclear\?/);
      expect(turn.reply.suggestions.map((suggestion) => suggestion.id)).toEqual(realKnowledgeBase().get('service-models.paas')?.related);
      expect(turn.memory.lastTopic).toBe('service-models.paas');
    });

    it.each(['say that again', 'can you repeat that', 'explain it again please'])('after a topic, "%s" gives its answer again', (text) => {
      const turn = conversation.respond(text, { ...freshMemory(), lastTopic: 'service-models.paas' });
      expect(turn.reply.id).toBe('service-models.paas');
      expect(turn.reply.text).toMatch(/^Platform as a service \(PaaS\) is the intermediate model/);
    });

    it('keeps the last topic, so that "ok" then "give me an example" is still about it', () => {
      const afterOk = conversation.respond('ok', { ...freshMemory(), lastTopic: 'service-models.paas' }).memory;
      expect(afterOk.lastTopic).toBe('service-models.paas');
    });
  });

  describe('a yes or no about whether one listed reason is first of all', () => {
    it.each([
      ['is security the biggest drawback?', 'drawbacks.security', 'disadvantages'],
      ['is availability the main benefit of the cloud?', 'benefits.availability', 'advantages'],
    ])('"%s" is told the lecture ranks none of them, then gets that reason', (question, id, side) => {
      const reply = realAnswerer().answerQuestion(question);
      expect(reply.id).toBe(id);
      expect(reply.text.split('\n\n')[0]).toBe(`**In short:** The lecture does not rank its ${side}: it gives them all, none as the biggest.`);
    });

    it('keeps the answer\'s own sentences for a yes or no that ranks nothing, saying nothing first where they are the whole answer: "is latency a problem for hybrid clouds?"', () => {
      expect(realAnswerer().answerQuestion('is latency a problem for hybrid clouds?').text).toMatch(/^Latency issues: you want large data transfers to stay local\. This is particularly a problem with the hybrid cloud\./);
    });

    it('does not read "the best thing about" as ranking the list', () => {
      expect(realAnswerer().answerQuestion('is the best thing about elasticity that you only pay for what you use?').text).not.toMatch(/does not rank its/);
    });
  });

  it('names a topic by the abbreviation in its title where the lecture names no side of it: "PaaS", not "the platform as a service"', () => {
    expect(realAnswerer().answerQuestion('what is the disadvantage of PaaS?').text).toMatch(/^\*\*In short:\*\* The lecture does not name a disadvantage of PaaS in particular\./);
  });

  it('says whether a part is one of a family before any fact of it ("is IaaS an advantage of the cloud?")', () => {
    expect(realAnswerer().answerQuestion('is IaaS an advantage of the cloud?').text).toMatch(/^\*\*In short:\*\* No: the lecture gives "Infrastructure as a service \(IaaS\)" under /);
  });

  it.each([
    ['Is reach a reason not to use the cloud?', /^\*\*In short:\*\* No: the lecture gives "Reach" under "Why use the cloud\?"/],
    ['Is cost a reason against the cloud?', /^\*\*In short:\*\* Yes: the lecture gives "Costs" under "Why not use the cloud\?"/],
    ['is latency one of the reasons not to use the cloud?', /^\*\*In short:\*\* Yes: the lecture gives "Latency" under "Why not use the cloud\?"/],
    ['Is control a reason not to use the cloud?', /^\*\*In short:\*\* Yes: the lecture gives "Control" under "Why not use the cloud\?"/],
  ])('reads the drawbacks\' heading asked as a list of reasons ("%s") as that family, for a yes or no of whether the part is one', (question, verdict) => {
    // By the rules alone (`partClaimedOfFamily`), which once answered the list the family's long
    // name matches, and with the question model, as the bot runs.
    const kb = realKnowledgeBase();
    const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));
    expect(realAnswerer().answerQuestion(question).text).toMatch(verdict);
    expect(withModel.answerQuestion(question).text).toMatch(verdict);
  });

  it('says why the end the lecture ranks is not the one chosen, where the question wanted a duty it lacks', () => {
    expect(realAnswerer().answerQuestion('which service model lets me write my own code with the least setup?').text).toMatch(/^\*\*In short:\*\* By elimination, PaaS, of the two where you write code\. SaaS needs the least effort/);
  });

  it('gives no yes or no to a choice of family ("is fault tolerance a reason for or against using the cloud?")', () => {
    expect(realAnswerer().answerQuestion('is fault tolerance a reason for or against using the cloud?').text).not.toMatch(/^\*\*In short:\*\* (?:Yes|No):/);
  });

  it.each([
    ['True or false: agility is a drawback', /^\*\*In short:\*\* No: the lecture gives "Agility" under "Why use the cloud\?"/],
    ['the private cloud is on-site, true or false?', /^\*\*In short:\*\* No: In a private cloud, computers are bought, put off-site/],
  ])('reads "%s" as the yes or no it asks, with its verdict first', (question, verdict) => {
    expect(realAnswerer().answerQuestion(question).text).toMatch(verdict);
  });

  it.each(['is the cloud more secure?', 'the cloud is more secure, right?'])(
    'denies a belief that the cloud is the safer place ("%s"), as the bot with its question model reaches security: the lecture lists it as a reason not to use the cloud',
    (question) => {
      const kb = realKnowledgeBase();
      const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));
      expect(withModel.answerQuestion(question).text).toMatch(/^\*\*In short:\*\* No: Security: using the cloud means handing your data to someone else\./);
    },
  );

  it('gives both lists for "arguments for and against using the cloud": "arguments" frames the question and names nothing', () => {
    const text = realAnswerer().answerQuestion('arguments for and against using the cloud').text;
    expect(text).toMatch(/^The lecture gives seven reasons to use the cloud/);
    expect(text).toContain('The lecture gives five reasons not to use the cloud');
  });

  describe('study mode', () => {
    it('is named in the welcome', () => {
      const text = realAnswerer().welcome().text;
      expect(text).toContain('"quiz me"');
      expect(text).toContain('"my progress"');
    });

    it('is named in the help reply, whether asked or pressed', () => {
      for (const reply of [realAnswerer().answerQuestion('help'), realAnswerer().answerEntry('smalltalk.help')]) {
        expect(reply?.id).toBe('smalltalk.help');
        expect(reply?.text).toContain('"quiz me"');
        expect(reply?.text).toContain('"my progress"');
      }
    });
  });
});

describe('two questions asked at once, on the real knowledge base', () => {
  it('"define cloud computing and give two benefits" gets the definition and the lecture\'s list of benefits, the subject\'s', () => {
    expect(realAnswerer().answerQuestion('Define cloud computing and give two benefits. [4 marks]').text.split('\n\n')[0]).toBe('"What is cloud computing?" and "Why use the cloud?", in the lecture\'s words:');
  });

  it('"describe a private cloud and state one advantage" is one question about the private cloud: the advantage asked is its own', () => {
    // With the question model, as the bot runs: by the rules alone the whole message reads as the hybrid cloud.
    const kb = realKnowledgeBase();
    const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));
    const reply = withModel.answerQuestion('Describe a private cloud and state one advantage. [3 marks]');
    expect(reply.id).toBe('deployment-models.private');
    expect(reply.text).toMatch(/^In a private cloud/);
  });
});

describe('a claim that names a lecture example, with the question model as the bot runs', () => {
  it('"is Google Cloud a private cloud?" is corrected: a bare name the model calls no question is still the part its best topic and the rules agree on', () => {
    const kb = realKnowledgeBase();
    const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));
    const reply = withModel.answerQuestion('is Google Cloud a private cloud?');
    expect(reply.id).toBe('deployment-models.public');
    expect(reply.text).toMatch(/^\*\*In short:\*\* Not quite: the lecture gives that under "Public cloud", not "Private cloud"\./);
  });
});

describe('a claim of where a duty is done, with the question model as the bot runs', () => {
  const kb = realKnowledgeBase();
  const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));

  it('"true or false: SaaS means you set up the operating system" is corrected with the one part that lists the duty, IaaS, not PaaS, whose answer shares the words', () => {
    const reply = withModel.answerQuestion('true or false: SaaS means you set up the operating system');
    expect(reply.id).toBe('service-models.iaas');
    expect(reply.text).toMatch(/^\*\*In short:\*\* Not quite: the lecture gives that under "Infrastructure as a service \(IaaS\)", not "Software as a service \(SaaS\)"\./);
  });

  it('leaves a claim about what the provider does to the words: it is no duty of the student\'s', () => {
    expect(withModel.answerQuestion("isn't PaaS the one where the provider sets up the OS?").id).toBe('service-models.paas');
  });
});

describe('a choice by what the student will not do that leaves two parts, with the question model as the bot runs', () => {
  it('"which service model does NOT give you control over the OS?" is never IaaS, the part it rules out: the overview says which are left', () => {
    const kb = realKnowledgeBase();
    const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));
    const reply = withModel.answerQuestion('which service model does NOT give you control over the OS?');
    expect(reply.id).toBe('service-models');
    expect(reply.text).toMatch(
      /^\*\*In short:\*\* Not "Infrastructure as a service \(IaaS\)": there you control the operating system, which the question rules out\. That leaves "Platform as a service \(PaaS\)" and "Software as a service \(SaaS\)"\./,
    );
  });
});

describe('a choice turned round, with the question model as the bot runs', () => {
  const kb = realKnowledgeBase();
  const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));

  it('"which should I avoid if I want maximum control?" is never IaaS, the one wanted: the overview says so', () => {
    const reply = withModel.answerQuestion('which should I avoid if I want maximum control?');
    expect(reply.id).toBe('service-models');
    expect(reply.text).toMatch(/^\*\*In short:\*\* What the question wants describes "Infrastructure as a service \(IaaS\)": that is the one not to avoid\./);
  });

  it.each([
    ['which cloud type would you avoid if you cannot share infrastructure with anyone else?', 'deployment-models.public'],
    ["which model shouldn't we pick if we want the least effort?", 'service-models.iaas'],
    ['which cloud would you avoid if you need full control?', 'deployment-models.public'],
    ['which service model should we avoid if we want to write our own code?', 'service-models.saas'],
  ])('"%s" is %s, not the one its words describe', (question, id) => {
    expect(withModel.answerQuestion(question).id).toBe(id);
  });
});

describe('a claim of which side a part is on, asked for agreement', () => {
  it.each([
    ['Latency is an advantage of the cloud, right?', 'No: the lecture gives "Latency" under "Why not use the cloud?", not "Why use the cloud?".'],
    ["Elasticity is one of the benefits, isn't it?", 'Yes: the lecture gives "Elasticity" under "Why use the cloud?".'],
  ])('"%s" is checked before the answer', (question, sentence) => {
    const kb = realKnowledgeBase();
    const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));
    expect(withModel.answerQuestion(question).text).toMatch(new RegExp(`^\\*\\*In short:\\*\\* ${sentence.replace(/[.?()"]/g, '\\$&')}`));
  });
});

describe('a belief the lecture says the opposite of', () => {
  const kb = realKnowledgeBase();
  const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));

  it.each([
    ['Cloud computing increases your operating costs, right?', 'cloud-computing'],
    ['Public cloud means you own the hardware, right?', 'deployment-models.public'],
    ['Latency is mostly a problem with the private cloud, right?', 'drawbacks.latency'],
    ['ICT runs a purely public cloud, right?', 'deployment-models.hybrid'],
  ])('"%s" gets a no first, however it is worded ("your", "the")', (question, id) => {
    const reply = withModel.answerQuestion(question);
    expect(reply.id).toBe(id);
    expect(reply.text).toMatch(/^\*\*In short:\*\* No: /);
  });

  it('not where the belief is itself negated a few words before it: "…without us having to add servers by hand?"', () => {
    const reply = withModel.answerQuestion('Can the cloud react to demand dynamically without us having to add servers by hand?');
    expect(reply.id).toBe('benefits.elasticity');
    expect(reply.text).not.toMatch(/^\*\*In short:\*\* No/);
  });
});

describe('a sentence said first', () => {
  it('is left out where it is nearly all of the answer\'s first paragraph, which already says it: "does PaaS give me control over the OS?"', () => {
    const kb = realKnowledgeBase();
    const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));
    const reply = withModel.answerQuestion('does PaaS give me control over the OS?');
    expect(reply.text).not.toMatch(/^\*\*In short:\*\*/);
    expect(reply.text.split('The lecture describes three models').length).toBe(2);
  });
});

describe('a belief held by someone, checked against the lecture\'s facts', () => {
  it.each([
    ['I think IaaS is the least effort model, correct?', 'No'],
    ['my friend says SaaS is the least effort model, is he right?', 'Yes'],
  ])('"%s" is answered %s: the subject is named after who holds the belief', (question, verdict) => {
    const kb = realKnowledgeBase();
    const withModel = new Answerer(kb, new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));
    expect(withModel.answerQuestion(question).text).toMatch(new RegExp(`^\\*\\*In short:\\*\\* ${verdict}: SaaS needs the least effort`));
  });
});

describe('Answerer.answerPart', () => {
  it('puts a part that opens with its title ("Elasticity: …") under that title once, in bold', () => {
    const reply = realAnswerer().answerPart('benefits.elasticity', 'Elasticity: the cloud reacts dynamically to demand.');
    expect(reply?.text).toMatch(/^\*\*Elasticity\*\*: the cloud reacts dynamically to demand\.\n\n/);
  });

  it('puts any other part under its title in bold', () => {
    expect(realAnswerer().answerPart('benefits.elasticity', 'The cloud reacts dynamically to demand.')?.text).toMatch(/^\*\*Elasticity\*\*: The cloud reacts dynamically to demand\.\n\n/);
  });
});

