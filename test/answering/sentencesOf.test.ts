import { sentencesOf } from '../../src/answering/sentencesOf';

describe('sentencesOf, which splits an answer into whole sentences', () => {
  it('splits at full stops, question and exclamation marks', () => {
    expect(sentencesOf('One. Two? Three! Four.')).toEqual(['One.', 'Two?', 'Three!', 'Four.']);
  });

  it('does not end a sentence after "e.g." or "i.e.", even before a name', () => {
    expect(sentencesOf('Shared, though your data is not (e.g. Microsoft Azure, Google Cloud). Next one.')).toEqual([
      'Shared, though your data is not (e.g. Microsoft Azure, Google Cloud).',
      'Next one.',
    ]);
    expect(sentencesOf('Rented, i.e. Not bought. Done.')).toEqual(['Rented, i.e. Not bought.', 'Done.']);
  });

  it('keeps a bracketed sentence whole, and an ellipsis inside brackets inside its sentence', () => {
    expect(sentencesOf('You set up everything (software, apps, ...). Good point: control. (CloudBot is a PaaS app. It runs on Azure.)')).toEqual([
      'You set up everything (software, apps, ...).',
      'Good point: control.',
      '(CloudBot is a PaaS app. It runs on Azure.)',
    ]);
  });

  it('does not split inside "Outlook.com"', () => {
    expect(sentencesOf('Example: web mail such as Outlook.com or Gmail. More.')).toEqual(['Example: web mail such as Outlook.com or Gmail.', 'More.']);
  });
});
