import { ActionTypes, type Activity, type CardAction, MessageFactory } from 'botbuilder';
import type { Reply, Suggestion } from '../answering/Answerer';

/** Teams shows at most three suggested actions; the rest would be silently dropped. */
const TEAMS_MAX_SUGGESTIONS = 3;

/**
 * Renders a channel-independent reply as a Bot Framework message. Buttons carry the entry id:
 * as `messageBack` value where the channel supports it, and as the entry's unique title in
 * Teams, whose suggested actions only support `imBack`.
 */
export function replyActivity(reply: Reply, channelId: string): Partial<Activity> {
  const teams = channelId === 'msteams';
  const suggestions = teams ? reply.suggestions.slice(0, TEAMS_MAX_SUGGESTIONS) : reply.suggestions;
  const activity =
    suggestions.length > 0
      ? MessageFactory.suggestedActions(suggestions.map((s) => cardAction(s, teams)), reply.text)
      : MessageFactory.text(reply.text);
  activity.textFormat = 'markdown';
  return activity;
}

function cardAction(suggestion: Suggestion, teams: boolean): CardAction {
  if (teams) return { type: ActionTypes.ImBack, title: suggestion.title, value: suggestion.title };
  return {
    type: ActionTypes.MessageBack,
    title: suggestion.title,
    text: suggestion.title,
    displayText: suggestion.title,
    value: { entryId: suggestion.id },
  };
}
