import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pageMembers, rowsBySegment } from '../../src/serve/customer-view.js';

describe('serve/customer-view: members paging', () => {
  it('rowsBySegment lists each label\'s rows in order (hand-checked)', () => {
    const m = rowsBySegment(Int32Array.from([2, 0, 2, -1, 0, 2]));
    assert.deepEqual([...m.keys()].sort(), [-1, 0, 2]);
    assert.deepEqual([...m.get(2)!], [0, 2, 5]);
    assert.deepEqual([...m.get(0)!], [1, 4]);
    assert.deepEqual([...m.get(-1)!], [3]);
  });

  it('a page equals filter-then-slice over all rows, for any segment, query, offset and limit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1, max: 3 }), fc.stringMatching(/^[a-cA-C0-9]{1,4}$/)), { maxLength: 60 }),
        fc.option(fc.integer({ min: -1, max: 4 }), { nil: undefined }),
        fc.option(fc.stringMatching(/^[a-cA-C0-9]{0,2}$/), { nil: undefined }),
        fc.nat(70),
        fc.integer({ min: 1, max: 25 }),
        (rows, segment, query, offset, limit) => {
          const labels = Int32Array.from(rows, (r) => r[0]);
          const ids = rows.map((r, i) => `${r[1]}-${i}`);
          const view = { ids, rowsBySegment: rowsBySegment(labels) };
          const q = query?.trim().toLowerCase();
          const all = [...labels.keys()].filter((i) => (segment === undefined || labels[i] === segment) && (!q || ids[i].toLowerCase().includes(q)));
          const page = pageMembers(view, { ...(segment !== undefined ? { segment } : {}), ...(query !== undefined ? { query } : {}), offset, limit });
          assert.equal(page.total, all.length);
          assert.deepEqual([...page.rows], all.slice(offset, offset + limit));
        },
      ),
      { numRuns: 400 },
    );
  });
});
