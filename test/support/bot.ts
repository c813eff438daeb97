import { MemoryStorage, type Storage, TestAdapter } from 'botbuilder';
import type { Answerer } from '../../src/answering/Answerer';
import { CloudBot } from '../../src/bot/CloudBot';
import { Conversation } from '../../src/conversation/Conversation';
import type { Logger } from '../../src/logger';
import { Quiz } from '../../src/quiz/Quiz';
import type { Recorder } from '../../src/records/Recorder';
import type { TeachingTeam } from '../../src/bot/TeachingTeam';
import { realAnswerer, realKnowledgeBase, realMatcher } from './knowledge';

export interface TestBotOptions {
  /** Memory by default; the same object across calls makes a restarted bot over the same state. */
  storage?: Storage;
  answerer?: Answerer;
  recorder?: Recorder;
  logger?: Logger;
  teachingTeam?: TeachingTeam;
}

/** The bot as `createRuntime` wires it, over the real knowledge base, behind botbuilder's TestAdapter. */
export function testBot(options: TestBotOptions = {}): TestAdapter {
  const answerer = options.answerer ?? realAnswerer();
  const kb = realKnowledgeBase();
  const bot = new CloudBot({
    answerer,
    conversation: new Conversation(kb, realMatcher(), answerer, new Quiz(kb, realMatcher())),
    storage: options.storage ?? new MemoryStorage(),
    maxMessageChars: 500,
    ...(options.recorder ? { recorder: options.recorder } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.teachingTeam ? { teachingTeam: options.teachingTeam } : {}),
  });
  return new TestAdapter(async (context) => bot.run(context));
}
