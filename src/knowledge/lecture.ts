/**
 * The lecture source, split into the sections that answers cite. The lecture is informal
 * Markdown: a section starts at a Markdown heading, a line that is bold on its own, or a short
 * line ending in a colon ("What is the cloud:").
 */
export interface LectureSection {
  /** The heading as a reader sees it, without Markdown or a trailing colon. */
  title: string;
  /** A stable URL fragment for the heading, e.g. `why-use-the-cloud`. */
  anchor: string;
  /** The section's body lines, headings excluded, blank lines dropped. */
  lines: string[];
  /** The section's body as the lecture wrote it, blank lines kept, for rendering. */
  markdown: string;
}

export interface Lecture {
  title: string;
  sections: LectureSection[];
  /** The whole text with white space folded, for checking quotes. */
  flatText: string;
}

const BOLD_LINE = /^\*\*(.+?)\*\*$/;
const MD_HEADING = /^#{1,6}\s+(.+)$/;
const COLON_HEADING = /^([A-Z][^.:]{2,60}):$/;

function headingOf(line: string): string | undefined {
  const match = MD_HEADING.exec(line) ?? BOLD_LINE.exec(line) ?? COLON_HEADING.exec(line);
  return match?.[1]?.replace(/:$/, '').trim();
}

/** Lower-case, ASCII, hyphenated: the same rule GitHub-style Markdown renderers use for anchors. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** Folds runs of white space so that quotes match however the lecture wraps its lines. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits the lecture Markdown into titled sections. */
export function parseLecture(markdown: string): Lecture {
  const sections: LectureSection[] = [];
  let title = '';
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const current = sections.at(-1);
    if (line === '') {
      if (current) current.markdown += '\n';
      continue;
    }
    const heading = headingOf(line);
    if (heading !== undefined) {
      if (title === '' && line.startsWith('# ')) title = heading;
      sections.push({ title: heading, anchor: slugify(heading), lines: [], markdown: '' });
      continue;
    }
    if (current) {
      current.lines.push(line);
      current.markdown += `${raw}\n`;
    }
  }
  return { title, sections, flatText: foldSpace(markdown) };
}
