import { minWidth } from '../src/bounds/minWidth.js';
import { xorSphere } from '../test/train/fixtures.js';
const ds = xorSphere(16, 3, 'pool-mw');
for (const radius of [3, 10, 30]) for (const T of [200, 400]) for (const student of ['linearized', 'network'] as const) {
  const r = minWidth(ds, { regime: 'hard', seed: 'pool', T, eta: 4, mMax: 256, eps: 0.3, radius, init: 'balanced', student });
  console.log(radius, T, student, r.mStar, r.perWidth.map((w) => w.m + ':' + (w.success ? 1 : 0)).join(' '));
}
