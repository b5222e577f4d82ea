/**
 * Child process for the kill and busy tests: records a snapshot of `n` synthetic customers into the
 * store at argv[2] with date argv[3]. Prints "begin" just before the write and "done" after it.
 * Usage: node --import tsx test/track/snapshot-child.ts <store> <as-of> <n>
 */
import { openStore } from '../../src/track/store.js';
import { recordSnapshot } from '../../src/track/snapshot.js';
import { blobModel } from './helpers.js';

const [store, asOf, nText] = process.argv.slice(2);
const n = Number(nText);
const model = await blobModel();
const ids = Array.from({ length: n }, (_, i) => `customer-${i}`);
const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
const confidence = Float64Array.from({ length: n }, (_, i) => (i % 100) / 100);
const db = await openStore(store);
process.stdout.write('begin\n');
await recordSnapshot(db, { model, asOf, ids, labels, confidence, dataHash: 'child' });
process.stdout.write('done\n');
await db.close();
