import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SegkitError } from '../../src/errors.js';
import { msg } from '../../src/messages.js';
import { parseModelSources } from '../../src/serve/model-registry.js';

describe('serve/model-registry', () => {
  it('names models by file name or id=path, resolved against the working directory', () => {
    assert.deepEqual(parseModelSources(['models/mall.json', 'b=other/x.JSON', 'plain'], '/w'), [
      { id: 'mall', file: '/w/models/mall.json' },
      { id: 'b', file: '/w/other/x.JSON' },
      { id: 'plain', file: '/w/plain' },
    ]);
  });
  it('refuses ids with other characters, and duplicates', () => {
    assert.throws(() => parseModelSources(['my model.json'], '/w'), (e: SegkitError) => e.code === 'E_USAGE' && e.message === msg.modelIdInvalid('my model'));
    assert.throws(() => parseModelSources(['a/m.json', 'b/m.json'], '/w'), (e: SegkitError) => e.code === 'E_USAGE' && e.message === msg.modelIdDuplicate('m'));
  });
});
