import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { testBot } from '../support/bot';

/**
 * Replays the sample conversation recorded as a Bot Framework Emulator transcript
 * (`test/fixtures/sample-conversation.transcript`, recorded by `scripts/transcript/record.ts`):
 * every user message is sent again and every bot reply must come back the same, text and buttons.
 */
const ActivitySchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  from: z.looseObject({ role: z.string().optional() }),
  suggestedActions: z.looseObject({ actions: z.array(z.looseObject({ title: z.string() })) }).optional(),
});
const transcript = z.array(ActivitySchema).parse(JSON.parse(readFileSync(join(__dirname, '../fixtures/sample-conversation.transcript'), 'utf8')));

describe('the sample Emulator transcript', () => {
  it('is a real conversation: questions, follow-ups, a clarification, a quiz', () => {
    const said = transcript.filter((activity) => activity.from.role === 'user').map((activity) => activity.text);
    expect(said).toEqual(expect.arrayContaining(['what is paas', 'any downsides?', 'cloud model', 'quiz me on reach']));
    expect(transcript.length).toBeGreaterThanOrEqual(20);
  });

  it('replays with the same replies', async () => {
    let flow = testBot().send(transcript[0]?.text ?? '');
    for (const activity of transcript.slice(1)) {
      if (activity.from.role === 'user') {
        flow = flow.send(activity.text ?? '');
        continue;
      }
      flow = flow.assertReply((reply) => {
        expect(reply.text).toBe(activity.text);
        expect(reply.suggestedActions?.actions.map((action) => action.title)).toEqual(activity.suggestedActions?.actions.map((action) => action.title));
      });
    }
    await flow.startTest();
  });
});
