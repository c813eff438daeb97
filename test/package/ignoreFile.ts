/**
 * The part of .gitignore syntax that the project's .funcignore files use, enough to tell which
 * package files an ignore file would leave out of the zip. Syntax it does not know (negation,
 * `**`, `?`, character classes, escapes) throws, so that a new kind of line cannot pass unread.
 */

function patternRegExp(pattern: string): { regexp: RegExp; directoryOnly: boolean } {
  if (/^!|\*\*|[?[\\]/.test(pattern)) throw new Error(`Unsupported ignore pattern: ${pattern}`);
  const directoryOnly = pattern.endsWith('/');
  const body = directoryOnly ? pattern.slice(0, -1) : pattern;
  // A slash at the start or in the middle anchors the pattern to the ignore file's folder.
  const anchored = body.includes('/');
  const source = body
    .replace(/^\//, '')
    .split('*')
    .map((part) => part.replace(/[.+^${}()|]/g, '\\$&'))
    .join('[^/]*');
  return { regexp: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${source}$`), directoryOnly };
}

/** The line of `ignoreFile` that leaves `path` (relative, `/`-separated) out, if any. */
export function ignoredBy(ignoreFile: string, path: string): string | undefined {
  const segments = path.split('/');
  // The path itself, and each folder it is in: ignoring a folder ignores everything below it.
  const candidates = segments.map((_, i) => ({ path: segments.slice(0, i + 1).join('/'), isDirectory: i < segments.length - 1 }));
  for (const line of ignoreFile.split(/\r?\n/).map((text) => text.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const { regexp, directoryOnly } = patternRegExp(line);
    if (candidates.some((candidate) => (!directoryOnly || candidate.isDirectory) && regexp.test(candidate.path))) return line;
  }
  return undefined;
}
