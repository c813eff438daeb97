import type { Storage } from 'botbuilder';
import { Conversation } from '../conversation/Conversation';
import { Answerer } from '../answering/Answerer';
import { CloudBot } from '../bot/CloudBot';
import type { Config } from '../config';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { Logger } from '../logger';
import { Matcher } from '../matching/Matcher';
import { createAdapter } from './createAdapter';
import { createStorage } from './storage';
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
  /** Where conversation state lives; by default what the configuration says (Blob Storage or memory). */
  storage?: Storage;
}

/** Wires the layers together. Construction only: no environment, no globals; storage connects lazily. */
export function createRuntime({ config, kb, logger, storage = createStorage(config, logger) }: RuntimeDeps): Runtime {
  if (config.unauthenticated) {
    logger.warn('MicrosoftAppId is not set: CloudBot accepts unauthenticated requests (local use and the Emulator only).');
  }
  const matcher = new Matcher(kb);
  const answerer = new Answerer(kb, matcher);
  const conversation = new Conversation(kb, matcher, answerer);
  const bot = new CloudBot(answerer, conversation, storage, { maxMessageChars: config.MAX_MESSAGE_CHARS }, logger);
  const adapter = createAdapter(config, logger);
  const messages = createMessagesHandler({
    adapter,
    bot,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requireAuth: !config.unauthenticated,
  });
  return { config, kb, bot, messages };
}
