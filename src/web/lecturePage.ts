import { randomBytes } from 'node:crypto';
import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import { escapeHtml } from './html';
import MarkdownIt from 'markdown-it';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';

/**
 * The lecture page every citation links to: the lecture's Markdown rendered with markdown-it
 * (raw HTML off, so the source cannot inject markup), one section per heading with the same
 * stable anchor the answers cite (`/lecture#why-use-the-cloud`), and under each section the
 * questions CloudBot answers about it. Rendered once per instance: the lecture does not change.
 */
export function renderLecturePage(kb: KnowledgeBase): string {
  const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
  const sections = kb.lecture.sections
    .filter((section) => section.lines.length > 0)
    .map((section) => {
      const topics = kb.topics.filter((entry) => entry.source.section === section.title);
      const asks =
        topics.length === 0
          ? ''
          : `<aside><h3>CloudBot can answer</h3><ul>${topics
              .map((entry) => `<li>${escapeHtml(entry.title)} <span class="example">e.g. “${escapeHtml(entry.alternates[0] ?? entry.title)}”</span></li>`)
              .join('')}</ul></aside>`;
      return `<section id="${escapeHtml(section.anchor)}"><h2><a href="#${escapeHtml(section.anchor)}">${escapeHtml(section.title)}</a></h2>${markdown.render(section.markdown)}${asks}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(kb.lecture.title)} · CloudBot</title>
<link rel="icon" href="data:,">
<style nonce="__NONCE__">
  body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; line-height: 1.5; color: #222; }
  header { border-bottom: 1px solid #ddd; margin-bottom: 1rem; }
  section { margin: 1.5rem 0; scroll-margin-top: 1rem; }
  section:target { background: #fff8d6; outline: 0.5rem solid #fff8d6; }
  h2 a { color: inherit; text-decoration: none; }
  aside { background: #eef4fb; border-radius: 6px; padding: 0.5rem 1rem; font-size: 0.9rem; }
  aside h3 { font-size: 0.9rem; margin: 0.25rem 0; }
  .example { color: #555; }
</style>
</head>
<body>
<header>
  <p><a href="chat">← Back to the chat with CloudBot</a></p>
  <h1>${escapeHtml(kb.lecture.title)}</h1>
  <p>The lecture as written, with the questions CloudBot answers about each part. CloudBot's answers correct its typos and its SaaS example.</p>
</header>
<main>
${sections}
</main>
</body>
</html>`;
}

/** Serves the lecture page with the chat page's strict policy; it needs no script at all. */
export function createLecturePageHandler(html: () => string): HttpHandler {
  return (): Promise<HttpResponseInit> => {
    const nonce = randomBytes(16).toString('base64');
    const csp = ["default-src 'none'", "script-src 'none'", `style-src 'nonce-${nonce}'`, "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'self'"].join('; ');
    return Promise.resolve({
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': csp,
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
      body: html().replace('__NONCE__', nonce),
    });
  };
}
