/** The fixture tables' reader is the one the evaluation uses: see scripts/readTsv.ts. */
export { readTsv } from '../../scripts/readTsv';
