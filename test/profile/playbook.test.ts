import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { suggestActions, parsePlaybook } from '../../src/profile/playbook.js';
import { expectSegkitError } from '../helpers/expect.js';

const d = (feature: string, z: number) => ({ feature, z, text: `${feature} ${z > 0 ? 'high' : 'low'}` });

describe('profile/playbook', () => {
  it('fires the most specific plays whose evidence holds, with that evidence', () => {
    const a = suggestActions([d('recency_days', 1.2), d('monetary_total', 0.9), d('age', 0.3)]);
    assert.match(a[0].action, /^Win back/);
    assert.deepEqual(a[0].because, ['recency_days high', 'monetary_total high']);
    assert.match(a[1].action, /^Re-engage/);
    assert.deepEqual(suggestActions([d('age', 2)]), []);
    assert.deepEqual(suggestActions([d('recency_days', 0.3), d('monetary_total', 0.9)]).map((x) => x.action.split(':')[0]), ['Grow']); // |z| < 0.5 is no evidence
  });

  it('a user playbook replaces the default; a bad one is named', async () => {
    const pb = parsePlaybook([{ when: [{ feature: '^age$', is: 'low' }], action: 'Student offers' }]);
    assert.deepEqual(suggestActions([d('age', -1)], pb), [{ action: 'Student offers', because: ['age low'] }]);
    const e = await expectSegkitError(() => parsePlaybook([{ when: [{ feature: 'x', is: 'up' }], action: 'a' }]), 'E_OPTION');
    assert.match(e.message, /playbook/);
  });
});
