import { join } from 'node:path';
import { z } from 'zod';
import { readTsv } from '../../scripts/readTsv';
import type { TopicEntry } from '../../src/knowledge/schema';
import { realKnowledgeBase } from '../support/knowledge';

const kb = realKnowledgeBase();

/** Everything a student can read about an entry: its answer, its table and its quiz. */
function shown(entry: TopicEntry): string {
  const table = entry.comparison ? [...entry.comparison.columns, ...entry.comparison.rows.map((row) => row.join(', '))] : [];
  const quiz = entry.quiz.map((question) => (question.kind === 'choice' ? `${question.question} ${question.because}` : `${question.statement} ${question.because}`));
  return [entry.answer, ...table, ...quiz].join('\n').replace(/\s+/g, ' ');
}

function topic(id: string): TopicEntry {
  const entry = kb.topics.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no entry "${id}"`);
  return entry;
}

/** Claims once made and found not to be in the lecture: none may come back. */
const unsupported = readTsv(
  join(__dirname, 'fixtures/unsupported-claims.tsv'),
  z.object({ entry: z.string().min(1), 'claim the lecture does not make': z.string().min(1) }),
).map((row) => [row.entry, row['claim the lecture does not make']] as const);

describe('the knowledge base is true to the lecture', () => {
  it.each(unsupported)('%s does not say "%s"', (id, claim) => {
    expect(shown(topic(id)).toLowerCase()).not.toContain(claim.toLowerCase());
  });

  it('gives control and cost in the service-model table only where the lecture does: for IaaS', () => {
    const table = topic('service-models').comparison;
    const column = table?.columns.findIndex((name) => /control/i.test(name)) ?? -1;
    const cells = new Map((table?.rows ?? []).map((row): [string, string] => [row[0] ?? '', row[column] ?? '']));
    expect(cells.get('IaaS')).toMatch(/^Maximum control, few constraints; often higher costs than the other models$/);
    expect(cells.get('PaaS')).toMatch(/^Control not stated/);
    expect(cells.get('SaaS')).toMatch(/^Control not stated/);
  });

  it('answers "which is cheapest" with the lecture\'s line that IaaS often costs more', () => {
    expect(shown(topic('service-models'))).toMatch(/\*\*IaaS\*\*[^*]*often costlier than the other models/);
  });

  it('names the public cloud providers as the lecture names them', () => {
    expect(topic('deployment-models.public').answer).toContain('Providers include Microsoft Azure, Alibaba Cloud and Google Cloud Services.');
  });

  it('gives the lecture\'s own example, "Google Outlook", wherever it gives SaaS\'s example, with its correction in the answer', () => {
    expect(topic('service-models.saas').answer).toMatch(/given in the lecture as "Google Outlook", a slip/);
    const row = topic('service-models').comparison?.rows.find(([model]) => model === 'SaaS');
    expect(row?.at(-1)).toContain('"Google Outlook"');
    for (const question of topic('service-models.saas').quiz) if (question.kind === 'choice' && /web mail/i.test(question.question)) expect(question.because).toContain('"Google Outlook"');
  });
});
