import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
import { Conversation } from '../conversation/Conversation';
import { Answerer } from '../answering/Answerer';
import { CloudBot } from '../bot/CloudBot';
import type { Config } from '../config';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { Logger } from '../logger';
import { Matcher } from '../matching/Matcher';
import { createAdapter } from './createAdapter';
import { createMessagesHandler, type JsonHandler } from './createMessagesHandler';

/** Everything one instance builds once and reuses for every request. */
export interface Runtime {
  config: Config;
  kb: KnowledgeBase;
  bot: CloudBot;
  messages: JsonHandler;
}

export interface RuntimeDeps {
  config: Config;
  kb: KnowledgeBase;
  logger: Logger;
  /** Where conversation state lives; memory unless a later configuration says otherwise. */
  storage?: Storage;
}

/** Wires the layers together. Pure construction: no I/O, no environment, no globals. */
export function createRuntime({ config, kb, logger, storage = new MemoryStorage() }: RuntimeDeps): Runtime {
  if (config.unauthenticated) {
    logger.warn('MicrosoftAppId is not set: CloudBot accepts unauthenticated requests (local use and the Emulator only).');
  }
  const matcher = new Matcher(kb);
  const answerer = new Answerer(kb, matcher);
  const conversation = new Conversation(kb, matcher, answerer);
  const bot = new CloudBot(answerer, conversation, new ConversationState(storage), { maxMessageChars: config.MAX_MESSAGE_CHARS });
  const adapter = createAdapter(config, logger);
  const messages = createMessagesHandler({
    adapter,
    bot,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requireAuth: !config.unauthenticated,
  });
  return { config, kb, bot, messages };
}
