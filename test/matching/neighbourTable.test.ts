import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { matcherDataFiles } from '../../scripts/package/bundle';
import { Matcher } from '../../src/matching/Matcher';
import { indexFingerprint } from '../../src/matching/matcherIndex';
import { DEFAULT_MATCHING_OPTIONS } from '../../src/matching/matchingOptions';
import { committedNeighbourTable, NEIGHBOUR_TABLE_FILE } from '../../src/matching/neighbourTable';
import { realKnowledgeBase } from '../support/knowledge';

// The real table reader, watched: which code reads the table, and when.
jest.mock('../../src/matching/neighbourTable', () => {
  const actual = jest.requireActual<typeof import('../../src/matching/neighbourTable')>('../../src/matching/neighbourTable');
  return { ...actual, committedNeighbourTable: jest.fn(actual.committedNeighbourTable) };
});

/**
 * The table of neighbours by meaning is 53 kB that only a matcher with the signal on uses. With
 * the signal off (the default), it must be neither in the matcher's bundle nor read at run time,
 * nor in the deployment package.
 */
describe('the table of neighbours by meaning, with the signal off', () => {
  it('is off by default', () => {
    expect(DEFAULT_MATCHING_OPTIONS.neighbourSimilarity).toBeNull();
  });

  it('is not in a bundle of the matcher: it is read from disk, never imported', async () => {
    const result = await build({
      entryPoints: [join(__dirname, '../../src/matching/Matcher.ts')],
      bundle: true,
      platform: 'node',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.endsWith('src/matching/Matcher.ts'))).toBe(true);
    expect(inputs.filter((path) => path.endsWith('.json'))).toEqual([]);
  });

  it('is not read when a matcher and its index fingerprint are built with the default options', () => {
    const kb = realKnowledgeBase();
    new Matcher(kb).match('what is paas');
    indexFingerprint(kb);
    expect(committedNeighbourTable).not.toHaveBeenCalled();
    // It would be, with the signal on: the watch can see a read.
    indexFingerprint(kb, { neighbourSimilarity: 0.8 });
    expect(committedNeighbourTable).toHaveBeenCalled();
  });

  it('is left out of the deployment package, and put in it when the signal is on', () => {
    expect(matcherDataFiles()).toEqual([]);
    expect(matcherDataFiles({ ...DEFAULT_MATCHING_OPTIONS, neighbourSimilarity: 0.8 })).toEqual([NEIGHBOUR_TABLE_FILE]);
  });
});

describe('the committed table, with the signal on', () => {
  it('is read from the app root and validated', () => {
    expect(Object.keys(committedNeighbourTable().neighbours).length).toBeGreaterThan(100);
  });

  it('refuses a file that is not a table', () => {
    const root = mkdtempSync(join(tmpdir(), 'cloudbot-neighbours-'));
    try {
      mkdirSync(dirname(join(root, NEIGHBOUR_TABLE_FILE)), { recursive: true });
      writeFileSync(join(root, NEIGHBOUR_TABLE_FILE), '{"neighbours": 3}');
      jest.isolateModules(() => {
        // A fresh module, whose table is not yet cached.
        const fresh = jest.requireActual<typeof import('../../src/matching/neighbourTable')>('../../src/matching/neighbourTable');
        expect(() => fresh.committedNeighbourTable(root)).toThrow();
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
