import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase';
import type { EvalSystem, SystemReply } from './evaluate';

const kindOf = (id: string): SystemReply['kind'] => (id.startsWith('smalltalk.') ? 'smalltalk' : 'answer');
const FALLBACK: SystemReply = { kind: 'fallback', id: null, suggestions: [] };

/** Baseline (a): what a developer writes first. fuse.js with default options over every alternate. */
export function plainFuse(kb: KnowledgeBase): EvalSystem {
  const items = kb.entries.flatMap((entry) => entry.alternates.map((text) => ({ id: entry.id, text })));
  const fuse = new Fuse(items, { keys: ['text'], includeScore: true });
  return {
    name: 'fuse.js, default options',
    reply(question) {
      const best = fuse.search(question, { limit: 1 })[0];
      return best ? { kind: kindOf(best.item.id), id: best.item.id, suggestions: [] } : FALLBACK;
    },
  };
}

/**
 * Baseline (b): BM25 full-text search (MiniSearch) over each entry's alternates and answer, with
 * a score threshold and the same margin rule as CloudBot. BM25 scores are unbounded, so the
 * threshold is the one that suits this baseline best on the evaluation set itself: a
 * comparison that flatters the baseline, not CloudBot.
 */
export function bm25(kb: KnowledgeBase, threshold: number, margin = 0.08): EvalSystem {
  const search = new MiniSearch<{ id: string; title: string; alternates: string; answer: string }>({
    fields: ['title', 'alternates', 'answer'],
    storeFields: ['id'],
    searchOptions: { boost: { title: 2, alternates: 2 }, fuzzy: 0.2, prefix: true },
  });
  search.addAll(kb.entries.map((entry) => ({ id: entry.id, title: entry.title, alternates: entry.alternates.join('\n'), answer: entry.answer })));
  return {
    name: `MiniSearch BM25 (threshold ${threshold})`,
    reply(question) {
      const [top, second] = search.search(question);
      if (!top || top.score < threshold) return FALLBACK;
      const id = String(top.id);
      if (second && (top.score - second.score) / top.score < margin) {
        return { kind: 'clarify', id: null, suggestions: [id, String(second.id)] };
      }
      return { kind: kindOf(id), id, suggestions: [] };
    },
  };
}
