import { normalise, stripMarkup } from '../../src/matching/normalise';

describe('normalise', () => {
  it.each([
    ["What's PaaS?", 'what is paas'],
    ["I don't get IaaS!!", 'i do not get iaas'],
    ['  CLOUD   advantages, pls ', 'cloud advantages'],
    ['<at>CloudBot</at> what is SaaS', 'what is saas'],
    ['um so like, what is the cloud?', 'what is the cloud'],
    ['On-demand\u00a0availability', 'on demand availability'],
    ['Café déjà vu', 'cafe deja vu'],
    ['it’s hybrid', 'it is hybrid'],
    ['wats paas lol', 'what is paas'],
    ['r u sure, i dont get it thx', 'are you sure i do not get it thanks'],
    ['heyyy cloudbot', 'hey'],
    ['Hi CloudBot! what is agility', 'hi what is agility'],
    ['public v private cloud', 'public vs private cloud'],
    ['the bus w a bike', 'the bus with a bike'],
    ['thanksss, goood answer', 'thanks good answer'],
    ['y shud i use the cloud n hw', 'why should i use the cloud and how'],
    ['diff btwn iaas n paas', 'difference between iaas and paas'],
    ['wat dose paas meen', 'what does paas mean'],
    ['why do ppl use it tho', 'why do people use it'],
    ['i see', ''],
    ['k cool', ''],
    ['Define cloud computing. (2 marks)', 'define cloud computing'],
    ['Explain PaaS with an example [4 marks]', 'explain paas with an example'],
    ['Outline two drawbacks for 3 marks', 'outline two drawbacks'],
    ['scalability quick def pls', 'scalability quick definition'],
    ['True or false: agility is a drawback', 'is it true that agility is a drawback'],
    ['T/F - IaaS needs the least effort', 'is it true that iaas needs the least effort'],
    ['true/false agility is a drawback', 'is it true that agility is a drawback'],
    ['The private cloud is on-site, true or false?', 'is it true that the private cloud is on site'],
    ['is true or false a cloud thing', 'is true or false a cloud thing'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it('strips every mention and tag but keeps the words around them', () => {
    expect(stripMarkup('<at id="0">Cloud Bot</at> hi <b>there</b>')).toBe('hi there');
  });
});
