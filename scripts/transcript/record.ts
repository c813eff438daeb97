import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Activity, MemoryStorage, MemoryTranscriptStore, TestAdapter, TranscriptLoggerMiddleware } from 'botbuilder';
import { Answerer } from '../../src/answering/Answerer';
import { CloudBot } from '../../src/bot/CloudBot';
import { Conversation } from '../../src/conversation/Conversation';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { defaultKnowledgeDir } from '../../src/knowledge/locateKnowledgeDir';
import { Matcher } from '../../src/matching/Matcher';
import { Quiz } from '../../src/quiz/Quiz';

/**
 * Records the sample conversation the README shows as a Bot Framework Emulator `.transcript`
 * (a JSON array of activities, which the Emulator opens), for `test/bot/transcript.test.ts` to
 * replay. Run it again, and review the diff, when the bot's answers change on purpose.
 */
export const SAMPLE_CONVERSATION = ['hi', 'what is paas', 'any downsides?', 'and iaas?', 'what are its disadvantages?', 'cloud model', '2', 'quiz me on reach', 'b', 'thanks', 'bye'];

async function main(): Promise<void> {
  const kb = loadKnowledgeBase(defaultKnowledgeDir());
  const matcher = new Matcher(kb);
  const answerer = new Answerer(kb, matcher);
  const bot = new CloudBot({ answerer, conversation: new Conversation(kb, matcher, answerer, new Quiz(kb, matcher)), storage: new MemoryStorage(), maxMessageChars: 500 });
  const store = new MemoryTranscriptStore();
  const adapter = new TestAdapter(async (context) => bot.run(context)).use(new TranscriptLoggerMiddleware(store));
  for (const text of SAMPLE_CONVERSATION) await adapter.send(text).startTest();
  // The transcript logger writes after each turn without waiting; let the last write land.
  await new Promise((resolve) => setTimeout(resolve, 100));
  // The store pages its results; gather every page (a bounded number of them).
  const items: Activity[] = [];
  let token: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await store.getTranscriptActivities('test', 'Convo1', token);
    items.push(...result.items);
    token = result.continuationToken;
    if (!token) break;
  }
  const activities = items.map((activity: Activity) => ({ ...activity, timestamp: undefined, localTimestamp: undefined }));
  writeFileSync(join(__dirname, '../../test/fixtures/sample-conversation.transcript'), `${JSON.stringify(activities, null, 2)}\n`);
  process.stdout.write(`Recorded ${String(activities.length)} activities.\n`);
}

void main();
