/**
 * The bot's own name, as students write it ("cloudbot", "cloud bot", "bot"). It names no topic of
 * the lecture, so the smalltalk and message readings take it out or read it as addressing the bot.
 * Spelt once here, on the normalised text.
 */
const NAME = 'cloud ?bot|bot';

/** The name as a whole term of the analysis ("cloud bot" is two terms, so only its joined form). */
const NAME_TERM = /^(?:cloudbot|bot)$/;

/** "You", or the bot by name: "what does this bot do" asks what "what do you do" asks. */
export const ADDRESSES_THE_BOT = new RegExp(`\\b(?:you|u|${NAME})\\b`);

/** The bot's name opening what follows a greeting: "hey bot, …", "hi cloudbot …". */
export const LEADING_BOT_NAME = new RegExp(`^(?:${NAME})\\b ?`);

const EVERY_NAME = new RegExp(`\\b(?:${NAME})\\b`, 'g');

export function isBotNameTerm(term: string): boolean {
  return NAME_TERM.test(term);
}

/** "thanks cloudbot" is "thanks": students address the bot by name outside Teams mentions too. */
export function withoutBotName(normalised: string): string {
  return normalised.replace(EVERY_NAME, ' ').replace(/\s+/g, ' ').trim();
}
