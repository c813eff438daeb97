import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LECTURE_FILE } from './loadKnowledgeBase';

/**
 * Finds the app's root: the nearest folder above `from` with `knowledge/<lecture>`. The same
 * code runs from `src/` (tsx, jest), from `dist/src/` (tsc) and from a deployment package,
 * each at a different depth, so the path cannot be fixed.
 */
export function locateAppRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'knowledge', LECTURE_FILE))) return dir;
    if (dirname(dir) === dir) throw new Error(`No knowledge/${LECTURE_FILE} found above ${from}`);
  }
}

/** The app's own knowledge folder, wherever the code runs from. */
export function defaultKnowledgeDir(): string {
  return join(locateAppRoot(), 'knowledge');
}
