import { randomBytes } from 'node:crypto';
import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import { escapeHtml } from './html';
import { WEB_CHAT_JOIN } from '../bot/CloudBot';
import { FEEDBACK_CARD } from '../bot/replyActivity';
import type { WebChatBundle } from './webChatAsset';

export interface ChatPageOptions {
  bundle: WebChatBundle;
  /** Origins the page may talk to besides its own: the Direct Line service in production. */
  connectOrigins: readonly string[];
  lectureTitle: string;
  /** Other sites allowed to embed the page in a frame. */
  frameOrigins?: readonly string[];
  /** Another audience for the same page: by default, the students' chat. */
  variant?: ChatPageVariant;
}

/**
 * What differs between the students' chat page and the teaching team's local `/staff` page,
 * which talks to the same bot through the same Web Chat.
 */
export interface ChatPageVariant {
  /** The page's title and heading. */
  title: string;
  /** Where the page gets its Direct Line token. */
  tokenPath: string;
  /** A line shown above the chat, saying whose page it is. */
  banner: string;
  /** The page's `?name=` goes to the token endpoint, which names the person in the conversation. */
  sendsName: boolean;
  userAvatarInitials: string;
}

/** The students' page. */
const STUDENTS: Omit<ChatPageVariant, 'title'> = { tokenPath: '/api/directline/token', banner: '', sendsName: false, userAvatarInitials: 'You' };

/** The CSP hash of an empty string. */
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

/** A cloud, drawn inline so that the favicon needs no extra request and no CDN. */
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%230F6CBD'/%3E" +
  "%3Cpath fill='white' d='M10 23h13a5 5 0 0 0 .6-10A7 7 0 0 0 10.2 14 4.5 4.5 0 0 0 10 23z'/%3E%3C/svg%3E";

/**
 * Web Chat's look: initials instead of avatars, suggested actions laid out where they are
 * easy to see, and a send box that says what to ask.
 */
const STYLE_OPTIONS = {
  botAvatarInitials: 'CB',
  accent: '#0F6CBD',
  hideUploadButton: true,
  suggestedActionLayout: 'flow',
  suggestedActionsStackedHeight: 200,
  bubbleBorderRadius: 8,
  bubbleFromUserBorderRadius: 8,
  bubbleFromUserBackground: '#E8F1FB',
  // Room for a comparison table of six columns where the screen has it (the column widens to match).
  bubbleMaxWidth: 720,
  // Every message keeps its own status line (the thumbs under an answer are in it), also when the
  // bot's thanks follows at once: activities further apart than this many milliseconds are not grouped.
  groupTimestamp: 1,
};

/**
 * Web Chat's words that CloudBot changes: what the send box asks for, and the names of the
 * thumbs under an answer (read by screen readers and shown as tooltips), which say what a vote means.
 */
const LOCALIZED_STRINGS = {
  TEXT_INPUT_PLACEHOLDER: 'Ask about IaaS, PaaS, SaaS…',
  VOTE_LIKE_ALT: 'Helpful',
  VOTE_DISLIKE_ALT: 'Not helpful',
};

/** Everything the page itself does: fetch a token, connect, greet, render. */
function pageScript(joinEvent: string, nonce: string, variant: Omit<ChatPageVariant, 'title'>): string {
  const tokenUrl = variant.sendsName
    ? `${JSON.stringify(`${variant.tokenPath}?name=`)} + encodeURIComponent(new URLSearchParams(location.search).get('name') || '')`
    : JSON.stringify(variant.tokenPath);
  const styleOptions = { ...STYLE_OPTIONS, userAvatarInitials: variant.userAvatarInitials };
  return `
(async function () {
  // The bot's 👍/👎 card becomes Web Chat's thumbs in the line under the answer: the message
  // offers a like and a dislike action (a schema.org entity), each carrying its button's value,
  // and Web Chat posts the pressed one back in an event. The card stays for other clients.
  var withThumbs = function (activity) {
    var card = (activity.attachments || []).find(function (attachment) { return attachment.name === ${JSON.stringify(FEEDBACK_CARD)}; });
    if (!card) return activity;
    var actions = ((card.content && card.content.buttons) || []).map(function (button) {
      var kind = button.value && button.value.vote === 'up' ? 'LikeAction' : 'DislikeAction';
      return { type: 'https://schema.org/' + kind, '@type': kind, value: button.value };
    });
    var message = { type: 'https://schema.org/Message', '@context': 'https://schema.org', '@id': '', '@type': 'Message', potentialAction: actions };
    return Object.assign({}, activity, {
      attachments: activity.attachments.filter(function (attachment) { return attachment !== card; }),
      entities: (activity.entities || []).concat([message])
    });
  };
  var target = document.getElementById('webchat');
  var fail = function (message) { target.textContent = message; target.setAttribute('role', 'alert'); };
  try {
    var response = await fetch(${tokenUrl}, { method: 'POST' });
    if (!response.ok) {
      var problem = await response.json().catch(function () { return {}; });
      return fail(problem.error || 'CloudBot is not available right now. Please try again later.');
    }
    var session = await response.json();
    // The user id is inside the token (Direct Line embeds it), so the page never sets one.
    var directLine = window.WebChat.createDirectLine({ token: session.token, domain: session.domain, webSocket: session.webSocket });
    // Greet as soon as the connection is up, so that the welcome and topic buttons show before
    // the student types: a conversationUpdate alone does not reliably reach the bot.
    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: ${JSON.stringify(joinEvent)}, value: { locale: navigator.language } } });
          }
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            return next(Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: withThumbs(action.payload.activity) }) }));
          }
          return next(action);
        };
      };
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: 'en-GB',
        nonce: ${JSON.stringify(nonce)},
        styleOptions: ${JSON.stringify(styleOptions)},
        overrideLocalizedStrings: ${JSON.stringify(LOCALIZED_STRINGS)}
      },
      target
    );
    target.querySelector('input, textarea') && target.querySelector('input, textarea').focus();
  } catch (error) {
    fail('CloudBot could not connect. Please check your connection and reload the page.');
  }
})();`;
}

/**
 * The chat page: Web Chat from this app's own origin, a strict Content-Security-Policy with a
 * per-response nonce, and nothing from a CDN, so it works offline and behind strict networks.
 */
export function createChatPageHandler(options: ChatPageOptions): HttpHandler {
  const variant = options.variant ?? STUDENTS;
  const title = options.variant?.title ?? `CloudBot · ${options.lectureTitle}`;
  const banner = variant.banner === '' ? '' : `\n  <p class="banner" role="note">${escapeHtml(variant.banner)}</p>`;
  return (): Promise<HttpResponseInit> => {
    const nonce = randomBytes(16).toString('base64');
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      // Web Chat inserts its style sheets with the nonce it is given, plus one empty <style>
      // (allowed by the hash of the empty string) that it fills through the CSSOM. Style
      // attributes cannot run script, and its layout sets some, so those are allowed inline.
      `style-src 'nonce-${nonce}'`,
      `style-src-elem 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
      "style-src-attr 'unsafe-inline'",
      `connect-src 'self' ${options.connectOrigins.join(' ')}`.trim(),
      "img-src 'self' data: blob:",
      "media-src 'self' blob:",
      "font-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors 'self' ${(options.frameOrigins ?? []).join(' ')}`.trim(),
    ].join('; ');
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="Ask CloudBot about ${escapeHtml(options.lectureTitle)}.">
<link rel="icon" href="${FAVICON}">
<style nonce="${nonce}">
  html, body { height: 100%; margin: 0; font-family: "Segoe UI", system-ui, sans-serif; background: #f5f5f5; }
  body { display: flex; flex-direction: column; }
  header { background: #0F6CBD; color: white; padding: 0.75rem 1rem; }
  header h1 { font-size: 1.1rem; margin: 0; }
  header p { font-size: 0.85rem; margin: 0.2rem 0 0; opacity: 0.9; }
  header .banner { display: inline-block; margin-top: 0.4rem; padding: 0.15rem 0.6rem; border-radius: 999px; background: #FCE7B2; color: #3D2A00; font-weight: 600; opacity: 1; }
  main { flex: 1; min-height: 0; max-width: 60rem; width: 100%; margin: 0 auto; background: white; }
  #webchat { height: 100%; }
  /* Adaptive Cards lays a table out as rows of equal flex cells, and breaks a word that does not
     fit its cell. As a CSS table, each column is as wide as its longest word at least, and the
     columns share what room is left; where even that is too wide (a phone), the card scrolls
     sideways instead of breaking words. Its inline styles are what the !important overrides. */
  .ac-adaptiveCard:has(> [role="table"]) {
    overflow-x: auto;
    /* A shadow on the right while there is more to scroll to: phones show no scroll bar until
       touched. The white cover scrolls with the table and hides the shadow at the end. */
    background:
      linear-gradient(to left, white 50%, transparent) right / 2rem 100% no-repeat local,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 25%), transparent) right / 0.9rem 100% no-repeat scroll,
      white;
  }
  .ac-adaptiveCard [role="table"] { display: table !important; width: 100%; border-collapse: collapse; }
  .ac-adaptiveCard [role="row"] { display: table-row !important; }
  .ac-adaptiveCard [role="row"] > [role="cell"], .ac-adaptiveCard [role="row"] > [role="columnheader"] {
    display: table-cell !important; padding: 6px 8px !important; vertical-align: top; border-bottom: 1px solid #e0e0e0;
  }
  .ac-adaptiveCard [role="table"] .ac-textBlock { overflow-wrap: normal !important; word-break: normal; hyphens: manual; }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(options.variant?.title ?? 'CloudBot')}</h1>
  <p>Questions and answers on ${escapeHtml(options.lectureTitle)}</p>${banner}
</header>
<main><div id="webchat" aria-live="polite">Connecting to CloudBot…</div></main>
<script nonce="${nonce}" src="${options.bundle.path}"></script>
<script nonce="${nonce}">${pageScript(WEB_CHAT_JOIN, nonce, variant)}</script>
</body>
</html>`;
    return Promise.resolve({
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': csp,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
      body: html,
    });
  };
}
