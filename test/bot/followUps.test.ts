import { type Activity, MemoryStorage, type TestFlow } from 'botbuilder';
import { realAnswerer, realKnowledgeBase } from '../support/knowledge';
import { testBot } from '../support/bot';

/** A bot over the real knowledge base, and a conversation with it that remembers between turns. */
const conversation = () => testBot();

/** The reply's first line, where the entry's title or the answer starts. */
const head = (reply: Partial<Activity>) => (reply.text ?? '').split('\n')[0] ?? '';

describe('CloudBot follow-ups, using the last topic kept in conversation state', () => {
  it('when asked "what are its disadvantages?" after IaaS, gives the IaaS bad points', async () => {
    await conversation()
      .send('what is iaas')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Infrastructure as a service/); })
      .send('what are its disadvantages?')
      .assertReply((reply) => {
        expect(head(reply)).toMatch(/^\*\*Infrastructure as a service \(IaaS\)\*\*: Bad point/);
        expect(reply.text).toContain('updates');
        expect(reply.text).toContain('Source: Lecture 5');
      })
      .startTest();
  });

  it.each(['any downsides?', 'any downsides I should mention?'])('when asked "%s" after IaaS, gives the IaaS bad points, not the cloud\'s drawbacks', async (asked) => {
    await conversation()
      .send('iaas')
      .assertReply(() => undefined)
      .send(asked)
      .assertReply((reply) => { expect(reply.text).toMatch(/IaaS.*Bad point/s); })
      .startTest();
  });

  it.each([
    ['why use the cloud', 'benefits?', 'Why use the cloud?', 'Elasticity'],
    ['why not use the cloud', 'any downsides?', 'Why not use the cloud?', 'Intellectual property concerns'],
  ])('after "%s", asked "%s", offers its own parts: that topic is what was asked', async (question, followUp, title, lastPart) => {
    await conversation()
      .send(question)
      .assertReply(() => undefined)
      .send(followUp)
      .assertReply((reply) => {
        expect(reply.text).toContain(`There is more on each part of "${title}"`);
        expect(reply.text).toContain(lastPart);
        expect(reply.text).not.toMatch(/gives no/);
      })
      .startTest();
  });

  it('when asked "any downsides?" after the hybrid cloud, gives both drawbacks its answer names', async () => {
    await conversation()
      .send('what is a hybrid cloud')
      .assertReply(() => undefined)
      .send('any downsides?')
      .assertReply((reply) => {
        expect(head(reply)).toMatch(/^\*\*Hybrid cloud\*\*: In theory/);
        expect(reply.text).toContain('duplication of effort');
        expect(reply.text).toContain('latency');
      })
      .startTest();
  });

  it('when asked "any downsides?" after the definition, gives the drawbacks overview', async () => {
    await conversation()
      .send('what is cloud computing')
      .assertReply(() => undefined)
      .send('any downsides?')
      .assertReply((reply) => { expect(reply.text).toMatch(/five reasons not to use the cloud/); })
      .startTest();
  });

  it('when asked "any downsides?" after the public cloud, gives the reasons against the cloud, which are its, saying the lecture names none of its own, rather than answering another cloud', async () => {
    await conversation()
      .send('what is a public cloud')
      .assertReply(() => undefined)
      .send('any downsides?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^\*\*In short:\*\* The lecture names no disadvantage of the public cloud in particular; it gives these under "Why not use the cloud\?"\./);
        expect(reply.text).toMatch(/five reasons not to use the cloud/);
      })
      .startTest();
  });

  it('after a declined question, asks what "any downsides?" is about instead of giving the cloud\'s', async () => {
    await conversation()
      .send('what is docker')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Sorry, I don't know that/); })
      .send('any downsides?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^Downsides of what\?/);
        expect(reply.suggestedActions?.actions.map((action) => action.title)).toContain('Why not use the cloud?');
      })
      .startTest();
  });

  it('when asked "and the upsides?" after the drawbacks overview, gives the benefits overview, not the drawbacks again', async () => {
    await conversation()
      .send('reasons not to use the cloud')
      .assertReply((reply) => { expect(reply.text).toMatch(/five reasons not to use the cloud/); })
      .send('and the upsides?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives seven reasons to use the cloud/); })
      .startTest();
  });

  it('when asked "which is cheaper?" after a service model, says the lecture ranks only the other end, then compares the models with their table', async () => {
    await conversation()
      .send('what is paas')
      .assertReply(() => undefined)
      .send('which is cheaper?')
      .assertReply((reply) => {
        expect((reply.text ?? '').split('\n\n').slice(0, 2)).toEqual([
          '**In short:** The lecture does not say which has the least cost. What it does say: IaaS often costs more than the other service models.',
          expect.stringMatching(/^"As a service" means available to rent/),
        ]);
        expect(reply.attachments?.length ?? 0).toBeGreaterThan(0);
      })
      .startTest();
  });

  it('after a service model, leaves a "which" question that asks about something to the matcher', async () => {
    await conversation()
      .send('what is paas')
      .assertReply(() => undefined)
      .send('which is faster to deploy?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Agility/); })
      .send('which one is google?')
      .assertReply((reply) => { expect(reply.text).toMatch(/public cloud/i); expect(reply.text).not.toMatch(/^"As a service"/); })
      .startTest();
  });

  it('when asked "and PaaS?" or "what about SaaS?", answers that entry', async () => {
    await conversation()
      .send('what is iaas')
      .assertReply(() => undefined)
      .send('and PaaS?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Platform as a service/); })
      .send('what about SaaS?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Software as a service/); })
      .startTest();
  });

  it('when asked "give me an example", gives the example part of the last answer', async () => {
    await conversation()
      .send('what is paas')
      .assertReply(() => undefined)
      .send('give me an example')
      .assertReply((reply) => { expect(head(reply)).toBe('**Platform as a service (PaaS)**: Example: the departmental Jupyter service.'); })
      .startTest();
  });

  it('after "An example of what?", gives the picked topic\'s example, or says it has none', async () => {
    await conversation()
      .send('give an example')
      .assertReply((reply) => { expect(reply.text).toMatch(/^An example of what\?/); })
      .send('1')
      .assertReply((reply) => {
        expect(head(reply)).toBe('**IaaS, PaaS and SaaS compared**: "As a service" means available to rent, like hiring a taxi.');
      })
      .startTest();
    await conversation()
      .send('give an example')
      .assertReply(() => undefined)
      .send('5')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives no example of "Why use the cloud\?" as a whole; it gives one for "Fault tolerance":\n\n\*\*Fault tolerance\*\*: If one computer breaks/); })
      .startTest();
  });

  it('after "More about what?", gives the picked topic whole', async () => {
    await conversation()
      .send('tell me more')
      .assertReply(() => undefined)
      .send('1')
      .assertReply((reply) => { expect(reply.text).toMatch(/^"As a service" means available to rent, like hiring a taxi\. The lecture describes three models/); })
      .startTest();
  });

  it('says so when the lecture gives no example, rather than inventing one', async () => {
    await conversation()
      .send('what is iaas')
      .assertReply(() => undefined)
      .send('example?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives no example for "Infrastructure as a service \(IaaS\)"/); })
      .startTest();
  });

  it('when told "tell me more" about an overview, offers its parts, and "the third one" picks one', async () => {
    await conversation()
      .send('why use the cloud')
      .assertReply(() => undefined)
      .send('tell me more')
      .assertReply((reply) => {
        expect(reply.text).toContain('Which one?');
        expect(reply.suggestedActions?.actions.map((action) => action.title)).toEqual(expect.arrayContaining(['Availability', 'Scalability', 'Reach']));
      })
      .send('the third one')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Reach:/); })
      .startTest();
  });

  it('when asked "tell me more" about a leaf, says the lecture has no more on it and offers its follow-ups, never another topic\'s answer', async () => {
    const related = realKnowledgeBase().get('benefits.scalability')?.related ?? [];
    const titles = related.map((id) => realKnowledgeBase().get(id)?.title);
    await conversation()
      .send('what is scalability')
      .assertReply(() => undefined)
      .send('tell me more')
      .assertReply((reply) => {
        expect(reply.text).toBe('The lecture says no more about "Scalability" than that. Related topics:');
        expect(titles.length).toBeGreaterThan(0);
        expect(reply.suggestedActions?.actions.map((action) => action.title)).toEqual(titles);
      })
      .startTest();
  });

  it.each([
    ['what is reach', 'more', 'Reach'],
    ['what is latency', 'tell me more', 'Latency'],
    ['what is the cloud', 'tell me more', 'What is cloud computing?'],
  ])('after "%s", "%s" stays on %s instead of switching topic', async (question, followUp, title) => {
    await conversation()
      .send(question)
      .assertReply(() => undefined)
      .send(followUp)
      .assertReply((reply) => {
        expect(reply.text).toBe(`The lecture says no more about "${title}" than that. Related topics:`);
        expect(reply.attachments ?? []).toEqual([]);
      })
      .startTest();
  });

  it('after a sub-topic, "why?" gives what the lecture says of it as its reason, not a decline', async () => {
    await conversation()
      .send('what is fault tolerance')
      .assertReply(() => undefined)
      .send('why?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^That is what the lecture gives for "Fault tolerance":\n\nFault tolerance: you can fall back/);
      })
      .startTest();
  });

  it.each([["what's the difference"], ['whats the difference then'], ['how is that different?']])('after two topics, "%s" compares those two, in the lecture\'s words', async (asked) => {
    await conversation()
      .send('what is fault tolerance')
      .assertReply(() => undefined)
      .send('what is disaster mitigation')
      .assertReply(() => undefined)
      .send(asked)
      .assertReply((reply) => {
        expect(head(reply)).toBe('The difference between "Fault tolerance" and "Disaster mitigation", in the lecture\'s words:');
        // Each answer opens with its title, which is put in bold rather than said twice.
        expect(reply.text).toMatch(/\n\*\*Fault tolerance\*\*: you can fall back[\s\S]*\n\*\*Disaster mitigation\*\*: the cloud gives you natural backups/);
      })
      .startTest();
  });

  it.each([['just the names pls'], ['only the names']])('after a list, "%s" gives its parts by name, each to pick', async (asked) => {
    await conversation()
      .send('why not use the cloud')
      .assertReply(() => undefined)
      .send(asked)
      .assertReply((reply) => {
        expect(head(reply)).toBe('The parts of "Why not use the cloud?", by name (pick one for more):');
        expect(reply.suggestedActions?.actions.map((action) => action.title)).toEqual(['Latency', 'Costs', 'Security', 'Control', 'Intellectual property concerns']);
      })
      .startTest();
  });

  it.each([
    ['what are the benefits of the cloud', 'tell me more about the 3rd one', /^Reach: /],
    ['why not use the cloud', 'what about the second reason', /^Costs: /],
    ['what are the 3 service models', 'the last one', /^Software as a service \(SaaS\)/],
    ['what are the deployment models', 'and the first one?', /^A public cloud|^In a public cloud|^Public cloud/],
    ['why use the cloud', 'explain the last one more', /^Elasticity: /],
    ['benefits', 'more detail on the 4th', /^Agility: /],
    ['why use the cloud', 'can you give me more details on the fifth one', /^Disaster mitigation: /],
    ['why not use the cloud', 'elaborate on the 2nd', /^Costs: /],
  ])('after the overview "%s", "%s" is its part at that place in the list', async (overview, ordinal, answer) => {
    await conversation()
      .send(overview)
      .assertReply(() => undefined)
      .send(ordinal)
      .assertReply((reply) => { expect(reply.text).toMatch(answer); })
      .startTest();
  });

  it('a short question the matcher cannot settle alone ("what are the three types?") is settled by the topic before it, the service models', async () => {
    await conversation()
      .send('what does as a service mean')
      .assertReply(() => undefined)
      .send('what are the three types?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^"As a service" means available to rent/); })
      .startTest();
  });

  it('"what\'s another drawback?" after one drawback offers the others of that list, not the one just given', async () => {
    await conversation()
      .send('what is latency')
      .assertReply(() => undefined)
      .send("what's another drawback?")
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^Under "Why not use the cloud\?" the lecture also gives these\. Which one\?/);
        expect(reply.text).toMatch(/Costs[\s\S]*Security[\s\S]*Control[\s\S]*Intellectual property/);
        expect(reply.text).not.toMatch(/Latency/);
      })
      .startTest();
  });

  it.each([
    ['what other reasons are there?', ['what is security in the cloud'], /Latency[\s\S]*Costs[\s\S]*Control[\s\S]*Intellectual property/, /Security|seven reasons/],
    ['any others?', ['what is latency', 'what about security?', 'and control?'], /Costs[\s\S]*Intellectual property/, /Latency|Security|Control|[Pp]ublic cloud/],
    ['what are the other models?', ['what is paas'], /Infrastructure as a service[\s\S]*Software as a service/, /Platform as a service/],
    ['what else is a benefit?', ['what is agility'], /Availability[\s\S]*Scalability[\s\S]*Elasticity/, /Agility/],
    ['anything else?', ['what is latency'], /Costs[\s\S]*Security[\s\S]*Intellectual property/, /Latency/],
  ])('"%s" after parts of one list offers the parts of that list not yet given', async (followUp, before, offered, notOffered) => {
    const [opening = '', ...rest] = before;
    let talk: TestFlow = conversation().send(opening).assertReply(() => undefined);
    for (const question of rest) talk = talk.send(question).assertReply(() => undefined);
    await talk
      .send(followUp)
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^Under "[^"]+" the lecture also gives these\. Which one\?/);
        expect(reply.text).toMatch(offered);
        expect(reply.text).not.toMatch(notOffered);
      })
      .startTest();
  });

  it('"what is that benefit called?" after a benefit is that benefit; "what are its advantages?" after it is still none of its own', async () => {
    await conversation()
      .send('how does the cloud help if a data center floods?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Disaster mitigation/); })
      .send('what is that benefit called?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Disaster mitigation/); })
      .send('what are its advantages?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives no benefits for "Disaster mitigation"/); })
      .startTest();
  });

  it('"summarise all the drawbacks" after security is the list security is one of; "its drawbacks?" after it is still none of its own', async () => {
    await conversation()
      .send('what is security as a drawback')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Security/); })
      .send('summarise all the drawbacks')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives five reasons not to use the cloud/); })
      .send('what is security as a drawback')
      .assertReply(() => undefined)
      .send('its drawbacks?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives no drawbacks for "Security"/); })
      .startTest();
  });

  it('"what\'s the downside of the cloud for them?" after a benefit names what the lists are of: the drawbacks, not the benefit again', async () => {
    await conversation()
      .send('what is elasticity')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Elasticity/); })
      .send("and what's the downside of the cloud for them?")
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives five reasons not to use the cloud/); })
      .startTest();
  });

  it.each(['so is the cloud a good fit?', 'good idea?'])('"%s" after a reason against the cloud says which list the reason is on, with no yes or no', async (asked) => {
    await conversation()
      .send('the data is governed by a contract that says it cannot leave the company')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Intellectual property/); })
      .send(asked)
      .assertReply((reply) => { expect(head(reply)).toBe('**In short:** The lecture gives "Intellectual property concerns" under "Why not use the cloud?".'); })
      .startTest();
  });

  it('"is that a reason against the cloud?" after latency asks of latency, answered yes, not with the whole list', async () => {
    await conversation()
      .send("what's latency")
      .assertReply(() => undefined)
      .send('is that a reason against the cloud?')
      .assertReply((reply) => { expect(head(reply)).toBe('**In short:** Yes: the lecture gives "Latency" under "Why not use the cloud?".'); })
      .startTest();
  });

  it.each([
    ['what is a private cloud?', 'is that public or private?', 'The private cloud.'],
    ['tell me about the hybrid cloud', 'is that hybrid or private?', 'The hybrid cloud.'],
    ['what is iaas', 'is it iaas or paas?', 'IaaS.'],
  ])('after "%s", "%s" names the one just answered first ("%s"), not the overview of both', async (question, choice, named) => {
    await conversation()
      .send(question)
      .assertReply(() => undefined)
      .send(choice)
      .assertReply((reply) => { expect(head(reply)).toBe(`**In short:** ${named}`); })
      .startTest();
  });

  it('"is it secure?" after SaaS, where "is SaaS secure?" leaves the bot between SaaS and security, asks which, and "it" stays SaaS', async () => {
    await conversation()
      .send('explain SaaS')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Software as a service/); })
      .send('is it secure?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^I'm not sure which topic you mean/);
        expect(reply.text).toMatch(/Software as a service/);
        expect(reply.text).toMatch(/Security/);
      })
      .send('who handles updates in it?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Software as a service|SaaS/); expect(reply.text).not.toMatch(/^Security/); })
      .startTest();
  });

  it('"which is the biggest con?" after the reasons to use the cloud is asked of the reasons not to, which it names', async () => {
    await conversation()
      .send('what are the pros and cons of the cloud')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives seven reasons to use the cloud/); })
      .send('which is the biggest con?')
      .assertReply((reply) => { expect(reply.text).toMatch(/The lecture gives five reasons not to use the cloud/); expect(reply.text).not.toMatch(/seven reasons to use/); })
      .startTest();
  });

  it('"which gives more control?" after a choice between PaaS and SaaS is about those two, which the lecture does not rank on control, not IaaS', async () => {
    await conversation()
      .send('PaaS or SaaS, which needs less effort?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^\*\*In short:\*\* SaaS needs the least effort/); })
      .send('which gives more control?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^\*\*In short:\*\* The lecture does not say which of "Platform as a service \(PaaS\)" and "Software as a service \(SaaS\)" has more control\. What it does say: IaaS gives the most control/);
      })
      .startTest();
  });

  it('a situation told and then named in one message ("…, is that SaaS?") is that situation\'s claim, whatever the topic before it', async () => {
    await conversation()
      .send('what are the service models?')
      .assertReply(() => undefined)
      .send('we rent a whole machine and install everything ourselves, is that SaaS?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^\*\*In short:\*\* Not quite: the lecture gives that under "Infrastructure as a service \(IaaS\)", not "Software as a service \(SaaS\)"\./); })
      .startTest();
  });

  it('"which benefit is that?" and "what benefit is that called?" after a benefit are that benefit, never "no benefits for" it', async () => {
    await conversation()
      .send('does the cloud work across the world?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Reach/); })
      .send('what benefit is that called?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Reach/); })
      .send('which advantage is it?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Reach/); })
      .startTest();
  });

  it('after the others are offered, a reply that names one by its words picks it; a new question that only brushes one of them picks none', async () => {
    await conversation()
      .send('what is agility')
      .assertReply(() => undefined)
      .send('what else is a benefit?')
      .assertReply((reply) => { expect(reply.text).toMatch(/Elasticity/); })
      .send('how do I deploy a flask app to heroku?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Sorry, I don't know that/); })
      .startTest();
    await conversation()
      .send('what is agility')
      .assertReply(() => undefined)
      .send('what else is a benefit?')
      .assertReply(() => undefined)
      .send('the spend more one')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Scalability/); })
      .startTest();
  });

  it('"what are the advantages then?" after a drawback is the list of the other side; a question about the drawback\'s own is not', async () => {
    await conversation()
      .send('what is latency')
      .assertReply(() => undefined)
      .send('what are the advantages then?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives seven reasons to use the cloud/); })
      .startTest();
    await conversation()
      .send('what is latency')
      .assertReply(() => undefined)
      .send('what are its advantages?')
      .assertReply((reply) => { expect(reply.text).not.toMatch(/^The lecture gives seven reasons to use the cloud/); })
      .startTest();
  });

  it('"what\'s the difference?" compares the last topic with the one before it of the same list: the two clouds, not security and a cloud', async () => {
    await conversation()
      .send('what is a public cloud')
      .assertReply(() => undefined)
      .send('what about security?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Security/); })
      .send('and the private one?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^In a private cloud/); })
      .send("what's the difference?")
      .assertReply((reply) => { expect(head(reply)).toBe('The difference between "Public cloud" and "Private cloud", in the lecture\'s words:'); })
      .startTest();
  });

  it('"advantages?" after the private cloud gives its own advantage, full control, which its answer says without the word', async () => {
    await conversation()
      .send('what is a private cloud')
      .assertReply(() => undefined)
      .send('advantages?')
      .assertReply((reply) => { expect(head(reply)).toBe('**In short:** A private cloud gives you full control over the computers, because it is private.'); })
      .startTest();
  });

  it.each([
    ['what is elasticity', "what's the difference from scalability?", 'The difference between "Elasticity" and "Scalability", in the lecture\'s words:'],
    ['what is paas', 'how does it compare with IaaS?', 'The difference between "Platform as a service (PaaS)" and "Infrastructure as a service (IaaS)", in the lecture\'s words:'],
    ['what is saas', "what's the difference between PaaS and SaaS?", 'The difference between "Platform as a service (PaaS)" and "Software as a service (SaaS)", in the lecture\'s words:'],
  ])('after "%s", "%s" compares the last topic with the sibling named, not the sibling alone (both named: in the order asked)', async (first, question, heading) => {
    await conversation()
      .send(first)
      .assertReply(() => undefined)
      .send(question)
      .assertReply((reply) => { expect(head(reply)).toBe(heading); })
      .startTest();
  });

  it.each(['how many reasons are there?', 'list them in one line'])('after a part of a list, "%s" is about the whole list, not the part or a why', async (question) => {
    await conversation()
      .send('why use the cloud')
      .assertReply(() => undefined)
      .send('the last one')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Elasticity: /); })
      .send(question)
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives seven reasons to use the cloud/); })
      .startTest();
  });

  it('"list all reasons not to" after the reasons to use the cloud is the other list, which it names itself, not the list just given', async () => {
    await conversation()
      .send('list all reasons to use cloud')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives seven reasons to use the cloud/); })
      .send('list all reasons not to')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives five reasons not to use the cloud/); })
      .startTest();
  });

  it('"and upside?" after IaaS is its good point, as "any downsides?" is its bad point', async () => {
    await conversation()
      .send('what is iaas')
      .assertReply(() => undefined)
      .send('and upside?')
      .assertReply((reply) => { expect(head(reply)).toMatch(/^\*\*Infrastructure as a service \(IaaS\)\*\*: Good point/); })
      .startTest();
  });

  it('"thanks, that\'s all" after a topic says goodbye: its "that" points back at no topic', async () => {
    await conversation()
      .send('what are the cloud types')
      .assertReply(() => undefined)
      .send("thanks, that's all")
      .assertReply((reply) => { expect(reply.text).toMatch(/^Goodbye/); })
      .startTest();
  });

  it('"who sets up the OS?" after IaaS asks who does it in IaaS, though its words alone match PaaS, where the provider does', async () => {
    await conversation()
      .send('what is iaas')
      .assertReply(() => undefined)
      .send('who sets up the OS?')
      .assertReply((reply) => {
        expect(head(reply)).toBe('**In short:** You do: in IaaS you set up the operating system.');
        expect(reply.text).toContain('\n\nInfrastructure as a service (IaaS)');
      })
      .startTest();
  });

  it('"any other reasons not to use it?" after intellectual property offers the other reasons not to, not the same one again; after elasticity, the reasons not to', async () => {
    await conversation()
      .send('what is the intellectual property concern?')
      .assertReply(() => undefined)
      .send('any other reasons not to use it?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^Under "Why not use the cloud\?" the lecture also gives these/);
        expect(reply.text).not.toMatch(/Intellectual property/);
      })
      .startTest();
    await conversation()
      .send('what is elasticity?')
      .assertReply(() => undefined)
      .send('any other reasons not to use it?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives five reasons not to use the cloud/); })
      .startTest();
  });

  it('"which model often has higher costs?" after the costs drawback is the model the facts rank (IaaS), not a ranking of the reasons not to use the cloud', async () => {
    await conversation()
      .send('what are the costs of using cloud?')
      .assertReply(() => undefined)
      .send('which model often has higher costs?')
      .assertReply((reply) => { expect(head(reply)).toBe('**In short:** IaaS often costs more than the other service models.'); })
      .startTest();
  });

  it('"and the other?" after one of two reasons compared is the other of those two, where more than one is left; with one left, that one', async () => {
    await conversation()
      .send("what's the difference between elasticity and scalability?")
      .assertReply(() => undefined)
      .send('which one is spend more get more?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Scalability/); })
      .send('and the other?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Elasticity/); })
      .startTest();
    await conversation()
      .send('what is iaas?')
      .assertReply(() => undefined)
      .send('what is paas?')
      .assertReply(() => undefined)
      .send('and the other one?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Software as a service/); })
      .startTest();
  });

  it('"who sets up the OS?" after SaaS says it is not the student, from the duties only the other models list, and where the student does it', async () => {
    await conversation()
      .send('what is SaaS?')
      .assertReply(() => undefined)
      .send('who sets up the OS?')
      .assertReply((reply) => {
        expect(head(reply)).toBe('**In short:** Not you: in SaaS you do not set up the operating system. In IaaS you do.');
        expect(reply.text).toContain('\n\nSoftware as a service (SaaS)');
      })
      .startTest();
  });

  it('"sounds great, any downsides?" after the hybrid cloud asks its downsides: a remark opening a follow-up asks nothing itself', async () => {
    await conversation()
      .send('what is a hybrid cloud')
      .assertReply(() => undefined)
      .send('sounds great, any downsides?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^\*\*Hybrid cloud\*\*: .*duplication of effort/); })
      .startTest();
  });

  it('"and the opposite?" after SaaS, the least effort, is the model at the other end of that scale, with the fact that ranks it', async () => {
    await conversation()
      .send('what is saas')
      .assertReply(() => undefined)
      .send('and the opposite?')
      .assertReply((reply) => { expect(head(reply)).toBe('**In short:** IaaS takes the most effort: it is the most basic model, in which you set up the entire system yourself and keep responsibility for things such as updates and scaling.'); })
      .startTest();
  });

  it('"which is about deployment?" after agility and elasticity is the one of the two its words reach, not a choice with the deployment models', async () => {
    await conversation()
      .send('what is agility')
      .assertReply(() => undefined)
      .send('and elasticity?')
      .assertReply(() => undefined)
      .send('which is about deployment?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Agility: /); })
      .startTest();
  });

  it('a bare "cons" after IaaS asks IaaS\'s, as "cons?" does, where a bare "benefits", the name of a list, starts a new topic', async () => {
    await conversation()
      .send('what is iaas')
      .assertReply(() => undefined)
      .send('cons')
      .assertReply((reply) => { expect(reply.text).toMatch(/^\*\*Infrastructure as a service \(IaaS\)\*\*: Bad point/); })
      .send('benefits')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives seven reasons to use the cloud/); })
      .startTest();
  });

  it('"who uses the hybrid cloud?" after IaaS is a question of its own: the name is not one IaaS\'s answer uses', async () => {
    await conversation()
      .send('what is iaas')
      .assertReply(() => undefined)
      .send('who uses the hybrid cloud?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^A hybrid cloud/); })
      .startTest();
  });

  it('"is it on-site?" after the private cloud asks whether the private cloud is, and is not confirmed: the lecture puts its computers off-site', async () => {
    await conversation()
      .send('what is a private cloud')
      .assertReply(() => undefined)
      .send('is it on-site?')
      .assertReply((reply) => {
        expect(reply.text).not.toMatch(/^\*\*In short:\*\* Yes/);
        expect(reply.text).toContain('off-site');
      })
      .startTest();
  });

  it('"what does the provider do?" after PaaS is asked within PaaS, though its words alone match the public cloud\'s providers', async () => {
    await conversation()
      .send('what does the provider do?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^In a public cloud/); })
      .send('what is paas')
      .assertReply(() => undefined)
      .send('what does the provider do?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Platform as a service \(PaaS\)/); })
      .startTest();
  });

  it('"who controls the computers?", which alone asks "did you mean" between the private cloud and the control drawback, is the private cloud right after it', async () => {
    await conversation()
      .send('who controls the computers?')
      .assertReply((reply) => { expect(reply.text).toMatch(/Did you mean:/); })
      .send('explain private cloud')
      .assertReply(() => undefined)
      .send('who controls the computers?')
      .assertReply((reply) => {
        expect(head(reply)).toBe('**In short:** Because it is private, you have full control over the computers.');
        expect(reply.text).toContain('In a private cloud, computers are bought');
      })
      .startTest();
  });

  it('"does the provider set up the OS?" after IaaS is asked within IaaS: not there, the lecture gives that under PaaS, then IaaS\'s answer', async () => {
    await conversation()
      .send('what is iaas')
      .assertReply(() => undefined)
      .send('does the provider set up the OS?')
      .assertReply((reply) => {
        expect(head(reply)).toBe('**In short:** Not in "Infrastructure as a service (IaaS)": the lecture gives that under "Platform as a service (PaaS)".');
        expect(reply.text).toContain('Infrastructure as a service (IaaS) is the most basic model');
      })
      .startTest();
  });

  it('"is there a legal issue too?" after security asks for another reason of the list, not within security', async () => {
    await conversation()
      .send('what is the security drawback')
      .assertReply(() => undefined)
      .send('is there a legal issue too?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Intellectual property concerns/); })
      .startTest();
  });

  it('"is it cheaper than PaaS?" after IaaS asks whether IaaS is: the last topic takes the pronoun\'s place, so the yes or no is about it', async () => {
    await conversation()
      .send('what is iaas')
      .assertReply(() => undefined)
      .send('is it cheaper than paas?')
      .assertReply((reply) => { expect(head(reply)).toBe('**In short:** No: IaaS often costs more than the other service models.'); })
      .startTest();
  });

  it('after a question that compares two topics, both were discussed: "what\'s the difference?" and "an example of each" are about the two', async () => {
    await conversation()
      .send('what is the difference between fault tolerance and disaster mitigation?')
      .assertReply((reply) => { expect(head(reply)).toBe('The difference between "Fault tolerance" and "Disaster mitigation", in the lecture\'s words:'); })
      .send("what's the difference?")
      .assertReply((reply) => { expect(head(reply)).toBe('The difference between "Disaster mitigation" and "Fault tolerance", in the lecture\'s words:'); })
      .send('give an example of each')
      .assertReply((reply) => {
        expect((reply.text ?? '').split('\n\n').slice(0, 3)).toEqual([
          'The lecture\'s examples of "Disaster mitigation" and "Fault tolerance":',
          '**Disaster mitigation**: the lecture gives no example.',
          '**Fault tolerance**: If one computer breaks, you can easily switch to another computer in the data centre.',
        ]);
      })
      .startTest();
  });

  it.each([
    ['why not use the cloud', 'and the opposite?', /^The lecture gives seven reasons to use the cloud/],
    ['what is latency', 'what is the opposite, the advantages?', /^The lecture gives seven reasons to use the cloud/],
    ['why use the cloud', 'what about the other side?', /^The lecture gives five reasons not to use the cloud/],
  ])('after "%s", "%s" is the list of the other side', async (before, followUp, list) => {
    await conversation()
      .send(before)
      .assertReply(() => undefined)
      .send(followUp)
      .assertReply((reply) => { expect(reply.text).toMatch(list); })
      .startTest();
  });

  it('"what\'s the difference?" right after an overview that compares its parts gives that overview, with its table', async () => {
    await conversation()
      .send('what are the 3 service models')
      .assertReply(() => undefined)
      .send("what's the difference?")
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^"As a service" means available to rent/);
        expect(reply.attachments?.length ?? 0).toBeGreaterThan(0);
      })
      .startTest();
  });

  it('"what do I have to do myself?" after SaaS is the student\'s part in SaaS, not the model where you do everything yourself', async () => {
    await conversation()
      .send('what is saas')
      .assertReply(() => undefined)
      .send('what do I have to do myself?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Software as a service \(SaaS\)/); })
      .send('what is fault tolerance')
      .assertReply(() => undefined)
      .send('what happens in a flood?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Disaster mitigation/); })
      .startTest();
  });

  it('"where is the example located?" after the private cloud is that example; "who runs that example?" after IaaS, which has none, says so', async () => {
    await conversation()
      .send('what is a private cloud')
      .assertReply(() => undefined)
      .send('where is the example located?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^\*\*Private cloud\*\*: Example: [^\n]*Slough/); })
      .send('what is iaas')
      .assertReply(() => undefined)
      .send('who runs that example?')
      .assertReply((reply) => { expect(reply.text).toBe('The lecture gives no example for "Infrastructure as a service (IaaS)" in particular. You could try one of these:'); })
      .startTest();
  });

  it.each([
    [['so what is renting time on an entire computer?', 'and if I only write the code?'], 'and if I just provide the data?', /^"As a service" means/],
  ])('after %j, "%s" carries on in the same family, where its words alone matched the public cloud', async (before, followUp, answer) => {
    const [opening = '', ...rest] = before;
    let talk: TestFlow = conversation().send(opening).assertReply(() => undefined);
    for (const question of rest) talk = talk.send(question).assertReply(() => undefined);
    await talk
      .send(followUp)
      .assertReply((reply) => { expect(reply.text).toMatch(answer); })
      .startTest();
  });

  it('"is it secure?" after the private cloud does not say the lecture gives security under some other family than the private cloud\'s: a part\'s name is no family claimed', async () => {
    await conversation()
      .send('what is a private cloud?')
      .assertReply(() => undefined)
      .send('is it secure?')
      .assertReply((reply) => { expect(reply.text).not.toMatch(/not "Public, private and hybrid clouds compared"/); })
      .startTest();
  });

  it('"who has control there?" after the private cloud is about the private cloud, not the control drawback', async () => {
    await conversation()
      .send('what is a private cloud')
      .assertReply(() => undefined)
      .send('who has control there?')
      .assertReply((reply) => {
        expect(head(reply)).toBe('**In short:** Because it is private, you have full control over the computers.');
        expect(reply.text).toContain('In a private cloud, computers are bought');
      })
      .startTest();
  });

  it.each([
    ['tell me about the hybrid cloud', 'in practice?', /^\*\*Hybrid cloud\*\*: In theory it is the best of both worlds; in practice it may mean duplication of effort\./],
    ['why is latency a problem', 'particularly with what?', /^\*\*Latency\*\*: This is particularly a problem with the hybrid cloud\./],
    ['what is a public cloud', 'so what is shared then?', /^\*\*Public cloud\*\*: .*the infrastructure is shared with other users/],
  ])('after "%s", "%s" is the sentence of that answer it asks about, which alone it matches nothing', async (question, followUp, sentence) => {
    await conversation()
      .send(followUp)
      .assertReply((reply) => { expect(reply.text).not.toMatch(sentence); })
      .send(question)
      .assertReply(() => undefined)
      .send(followUp)
      .assertReply((reply) => { expect(reply.text).toMatch(sentence); })
      .startTest();
  });

  it('a short question that shares too few words with the last answer is not answered from it: "what about docker?" after the public cloud', async () => {
    await conversation()
      .send('what is a public cloud')
      .assertReply(() => undefined)
      .send('what about docker?')
      .assertReply((reply) => { expect(reply.text).not.toMatch(/Public cloud/); })
      .startTest();
  });

  it('"give an example" after a list with no example of its own gives the example one of its parts has', async () => {
    await conversation()
      .send('why not use the cloud')
      .assertReply(() => undefined)
      .send('give an example')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture gives no example of "Why not use the cloud\?" as a whole; it gives one for "Security":\n\n\*\*Security\*\*: For example, hospital data would not be put on the cloud\./); })
      .startTest();
  });

  it('"and the other one?" after two of three parts is the third; after one, the two left to choose from', async () => {
    await conversation()
      .send('what is a public cloud')
      .assertReply(() => undefined)
      .send('and a private cloud?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^In a private cloud/); })
      .send('and the other one?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^A hybrid cloud/); })
      .startTest();
    await conversation()
      .send('what is paas')
      .assertReply(() => undefined)
      .send('and the other one?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^Under "IaaS, PaaS and SaaS compared" the lecture also gives these\. Which one\?/);
        expect(reply.text).toMatch(/Infrastructure as a service/);
        expect(reply.text).toMatch(/Software as a service/);
        expect(reply.text).not.toMatch(/Platform as a service|[Pp]ublic cloud/);
      })
      .startTest();
  });

  it('walks on down the list: "and the fourth one?" after the third is the fourth of the same overview', async () => {
    await conversation()
      .send('what are the benefits of the cloud')
      .assertReply(() => undefined)
      .send('tell me more about the 3rd one')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Reach: /); })
      .send('and the fourth one?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Agility: /); })
      .send('what about the last one')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Elasticity: /); })
      .startTest();
  });

  it('"say that again" or "I don\'t understand" after "Did you mean…?" offers the same choice again, not the topic before it', async () => {
    await conversation()
      .send('what is paas')
      .assertReply(() => undefined)
      .send('cloud model')
      .assertReply((reply) => { expect(reply.text).toMatch(/^I'm not sure which topic you mean/); })
      .send('say that again')
      .assertReply((reply) => { expect(reply.text).toMatch(/^I'm not sure which topic you mean. Did you mean:\n1\. /); })
      .send("i don't understand")
      .assertReply((reply) => { expect(reply.text).toMatch(/^I'm not sure which topic you mean/); })
      .send('the first one')
      .assertReply((reply) => { expect(reply.text).not.toMatch(/^I'm not sure/); })
      .startTest();
  });

  it('a place past the end of the list offers the list to pick from: "the 7th one" of five drawbacks', async () => {
    await conversation()
      .send('why not use the cloud')
      .assertReply(() => undefined)
      .send('the second one')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Costs: /); })
      .send('the 7th one')
      .assertReply((reply) => { expect(reply.text).toMatch(/^There is more on each part of "Why not use the cloud\?"\. Which one\?\n1\. Latency/); })
      .send('5')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Intellectual property/); })
      .startTest();
  });

  it('an ordinal after a topic in no list and with no parts is no pick: "the second one" after what the cloud is', async () => {
    await conversation()
      .send('what is the cloud')
      .assertReply(() => undefined)
      .send('the second one')
      .assertReply((reply) => { expect(reply.text).not.toMatch(/^There is more on each part|^Public cloud|^In a public cloud/); })
      .startTest();
  });

  it('every overview of the real knowledge base names its parts in the order they are numbered: "the 3rd one" is the third it lists', () => {
    const kb = realKnowledgeBase();
    const overviews = kb.entries.filter((entry) => kb.childrenOf(entry.id).length > 0);
    expect(overviews.length).toBeGreaterThan(0);
    for (const overview of overviews) {
      const listed = [...('answer' in overview ? overview.answer : '').matchAll(/\*\*([^*]+)\*\*/g)].map((bold) => (bold[1] ?? '').toLowerCase());
      const titles = kb.childrenOf(overview.id).map((child) => child.title.toLowerCase());
      expect({ id: overview.id, listed: listed.length }).toEqual({ id: overview.id, listed: titles.length });
      listed.forEach((name, place) => { expect(titles[place]).toContain(name); });
    }
  });

  it.each([
    ['what are its advantages', /^The lecture gives seven reasons to use the cloud/],
    ['and the downsides?', /^The lecture gives five reasons not to use the cloud/],
  ])('after what the cloud is, "%s" gives the lecture\'s whole list, not one sentence of the definition', async (followUp, answer) => {
    await conversation()
      .send('what is the cloud')
      .assertReply(() => undefined)
      .send(followUp)
      .assertReply((reply) => { expect(reply.text).toMatch(answer); })
      .startTest();
  });

  it('"which is more important" after two parts of one overview says the lecture does not say, then gives both, and stays on the pair', async () => {
    await conversation()
      .send('what is scalability')
      .assertReply(() => undefined)
      .send('what is elasticity')
      .assertReply(() => undefined)
      .send('which is more important')
      .assertReply((reply) => {
        expect(head(reply)).toBe('**In short:** The lecture does not say which of "Scalability" and "Elasticity" matters more.');
        expect(reply.text).toMatch(/\*\*Scalability\*\*: spend more, get more[\s\S]*\*\*Elasticity\*\*: the cloud reacts dynamically/);
      })
      .send('which one matters most')
      .assertReply((reply) => { expect(head(reply)).toBe('**In short:** The lecture does not say which of "Scalability" and "Elasticity" matters more.'); })
      .send("what's the difference")
      .assertReply((reply) => { expect(head(reply)).toBe('The difference between "Scalability" and "Elasticity", in the lecture\'s words:'); })
      .startTest();
  });

  it.each([
    ['one topic', ['what is scalability']],
    ['two topics of no one overview', ['what is the cloud', 'what is iaas']],
  ])('"which is more important" after %s is no comparison of two', async (_, before) => {
    const test = before.reduce((flow, question) => flow.send(question).assertReply(() => undefined), conversation().send('hi').assertReply(() => undefined));
    await test
      .send('which is more important')
      .assertReply((reply) => { expect(reply.text).not.toMatch(/does not say which of/); })
      .startTest();
  });

  it.each([
    ['why use the cloud?', 'advantages', /^The lecture gives seven reasons to use the cloud/],
    ['what are the drawbacks?', 'disadvantages', /^The lecture gives five reasons not to use the cloud/],
  ])('"which is the most important?" after a list ("%s") says the lecture does not rank its %s, then gives the list, and its parts stay in reach', async (question, sides, list) => {
    await conversation()
      .send(question)
      .assertReply(() => undefined)
      .send('which is the most important?')
      .assertReply((reply) => {
        expect(head(reply)).toBe(`**In short:** The lecture does not rank its ${sides}: it gives them all, none as the biggest.`);
        expect((reply.text ?? '').split('\n\n')[1]).toMatch(list);
      })
      .send('explain the second one')
      .assertReply((reply) => { expect(reply.text).not.toMatch(/^Sorry/); })
      .startTest();
  });

  it('"what\'s the difference" passes over an overview and its own part: after private, the deployment models and hybrid, it compares private and hybrid', async () => {
    await conversation()
      .send('what is a private cloud')
      .assertReply(() => undefined)
      .send('what are the deployment models')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture describes three ways to run a cloud/); })
      .send('and hybrid')
      .assertReply(() => undefined)
      .send('whats the difference')
      .assertReply((reply) => { expect(head(reply)).toBe('The difference between "Private cloud" and "Hybrid cloud", in the lecture\'s words:'); })
      .startTest();
  });

  it('"what\'s the difference" after only an overview and its part has nothing to compare', async () => {
    await conversation()
      .send('what are the deployment models')
      .assertReply(() => undefined)
      .send('what is a hybrid cloud')
      .assertReply(() => undefined)
      .send('whats the difference')
      .assertReply((reply) => { expect(reply.text).not.toMatch(/^The difference between/); })
      .startTest();
  });

  it('a comparison that names no topic is about the family just discussed: "which gives more control" after the public and private clouds', async () => {
    await conversation()
      .send('what is a public cloud')
      .assertReply(() => undefined)
      .send('what about private')
      .assertReply(() => undefined)
      .send('which gives more control')
      .assertReply((reply) => { expect(head(reply)).toBe('**In short:** A private cloud gives you full control over the computers, because it is private.'); })
      .send('which service model gives the most control')
      .assertReply((reply) => { expect(head(reply)).toMatch(/^\*\*In short:\*\* IaaS gives the most control/); })
      .startTest();
  });

  it('"which is cheaper?" after the public and private clouds, which the lecture ranks on no cost, says so before their overview', async () => {
    await conversation()
      .send('what is a public cloud')
      .assertReply(() => undefined)
      .send('what is a private cloud')
      .assertReply(() => undefined)
      .send('which is cheaper?')
      .assertReply((reply) => {
        expect(head(reply)).toBe('**In short:** The lecture does not say which has the least cost.');
        expect(reply.text).toContain('The lecture describes three ways to run a cloud.');
      })
      .startTest();
  });

  it('"which needs less effort" after IaaS and PaaS chooses between those two by elimination, as "IaaS or PaaS, which needs less effort?" does, where "the least effort" is SaaS', async () => {
    await conversation()
      .send('what is iaas')
      .assertReply(() => undefined)
      .send('what is paas')
      .assertReply(() => undefined)
      .send('which needs less effort')
      .assertReply((reply) => {
        expect(head(reply)).toMatch(/^\*\*In short:\*\* By elimination, PaaS\. IaaS takes the most effort/);
        expect(reply.text).toContain('Platform as a service (PaaS) is the intermediate model');
      })
      .send('which needs the least effort')
      .assertReply((reply) => { expect(head(reply)).toMatch(/^\*\*In short:\*\* SaaS needs the least effort/); })
      .startTest();
  });

  it('follows the last topic answered: "tell me more" after "and private?" is about the private cloud', async () => {
    await conversation()
      .send('what is the public cloud')
      .assertReply((reply) => { expect(reply.text).toMatch(/^In a public cloud/); })
      .send('and private?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^In a private cloud/); })
      .send('tell me more')
      .assertReply((reply) => { expect(reply.text).toBe('The lecture says no more about "Private cloud" than that. Related topics:'); })
      .send('give an example')
      .assertReply((reply) => { expect(head(reply)).toMatch(/^\*\*Private cloud\*\*: Example: the college HPC clusters/); })
      .startTest();
  });

  describe('when a follow-up has no topic before it', () => {
    const overviewTitles = () => realKnowledgeBase().overviews.map((entry) => entry.title);
    const asksWhatAbout = (question: RegExp) => (reply: Partial<Activity>) => {
      expect(head(reply)).toMatch(question);
      expect(reply.suggestedActions?.actions.map((action) => action.title)).toEqual(overviewTitles());
      // No answer: an answer carries the 👍/👎 card.
      expect(reply.attachments ?? []).toEqual([]);
    };

    it.each(['tell me more', 'more', 'explain more', 'why?', 'go on', 'more details please'])(
      'as the first message, "%s" asks "More about what?" with the topics, rather than answering',
      async (followUp) => {
        await conversation().send(followUp).assertReply(asksWhatAbout(/^More about what\?/)).startTest();
      },
    );

    it('as the first message or after a topic, "what else can you do?" asks for help, whose phrasing it is, not for more', async () => {
      const help = realAnswerer().answerEntry('smalltalk.help')?.text;
      expect(help).toBeDefined();
      await conversation().send('what else can you do?').assertReply((reply) => { expect(reply.text).toBe(help); }).startTest();
      await conversation()
        .send('what is paas')
        .assertReply(() => undefined)
        .send('what else can you do?')
        .assertReply((reply) => { expect(reply.text).toBe(help); })
        .startTest();
    });

    it('after "hi", "tell me more" asks what about, and "2" picks the second topic', async () => {
      const second = realKnowledgeBase().overviews[1];
      await conversation()
        .send('hi')
        .assertReply(() => undefined)
        .send('tell me more')
        .assertReply(asksWhatAbout(/^More about what\?/))
        .send('2')
        .assertReply((reply) => { expect(reply.text).toBe(realAnswerer().answerEntry(second?.id ?? '')?.text); })
        .startTest();
    });

    it('after an off-topic question, "tell me more" asks what about, even when an earlier topic was answered', async () => {
      await conversation()
        .send('what is iaas')
        .assertReply(() => undefined)
        .send('what is kubernetes')
        .assertReply((reply) => { expect(reply.text).toMatch(/I don't know that/); })
        .send('tell me more')
        .assertReply(asksWhatAbout(/^More about what\?/))
        .startTest();
    });

    it.each(['give an example', 'more examples'])('"%s" asks "An example of what?"', async (followUp) => {
      await conversation().send(followUp).assertReply(asksWhatAbout(/^An example of what\?/)).startTest();
    });
  });

  describe('when asked for an example', () => {
    it('after IaaS, whose answer has none, says so rather than giving its bad point', async () => {
      await conversation()
        .send('what is iaas')
        .assertReply(() => undefined)
        .send('give an example')
        .assertReply((reply) => {
          expect(reply.text).toBe('The lecture gives no example for "Infrastructure as a service (IaaS)" in particular. You could try one of these:');
        })
        .startTest();
    });

    it('after the deployment models, gives their examples as whole sentences, not cut after "e.g."', async () => {
      await conversation()
        .send('public private and hybrid clouds compared')
        .assertReply(() => undefined)
        .send('give an example')
        .assertReply((reply) => {
          expect(head(reply)).toBe(
            '**Public, private and hybrid clouds compared**: **Public cloud**: services are bought as needed, and the infrastructure is shared with other users, ' +
              'though your data is not shared (providers include Microsoft Azure, Alibaba Cloud and Google Cloud Services). **Private cloud**: computers are bought, ' +
              'put off-site and run by you or your company over a network, and you have full control over them (e.g. the college HPC clusters in a data centre in Slough). ' +
              'Example: ICT currently runs a hybrid cloud.',
          );
        })
        .startTest();
    });
  });

  it('after "Did you mean", takes "the first one", a number, or words from an option\'s title', async () => {
    const options: string[] = [];
    const adapter = conversation();
    await adapter
      .send('cloud model')
      .assertReply((reply) => { options.push(...(reply.suggestedActions?.actions.map((action) => action.title) ?? [])); })
      .send('the first one')
      .assertReply((reply) => { expect(reply.text).toBe(realAnswerer().answerEntry(realAnswerer().entryIdByTitle(options[0] ?? '') ?? '')?.text); })
      .send('cloud model')
      .assertReply(() => undefined)
      .send('2')
      .assertReply((reply) => { expect(reply.text).toBe(realAnswerer().answerEntry(realAnswerer().entryIdByTitle(options[1] ?? '') ?? '')?.text); })
      .send('cloud model')
      .assertReply(() => undefined)
      .send('the public private hybrid one')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The lecture describes three ways to run a cloud/); })
      .startTest();
  });

  it('treats a new question after "Did you mean" as a new question', async () => {
    await conversation()
      .send('cloud model')
      .assertReply(() => undefined)
      .send('what is saas')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Software as a service/); })
      .startTest();
  });

  it('gives the two compared, not every part of their family, for "compare IaaS and PaaS" and "difference between public and private"', async () => {
    await conversation()
      .send('compare IaaS and PaaS')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The difference between "Infrastructure as a service \(IaaS\)" and "Platform as a service \(PaaS\)"/); })
      .send('difference between public and private')
      .assertReply((reply) => { expect(reply.text).toMatch(/^The difference between "Public cloud" and "Private cloud"/); })
      .startTest();
  });

  it('keeps the conversation\'s memory in ConversationState, so a new bot over the same storage continues it', async () => {
    const storage = new MemoryStorage();
    const make = () => testBot({ storage });
    await make().send('what is iaas').assertReply(() => undefined).startTest();
    await make()
      .send('what are its disadvantages?')
      .assertReply((reply) => { expect(reply.text).toMatch(/IaaS.*Bad point/s); })
      .startTest();
  });
});
