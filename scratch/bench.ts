import { trainLinearized } from '../src/train/linearized.js';
import { initNet } from '../src/model/twoLayer.js';
import { loadData } from '../src/verify/widthCells.js';
const ds = loadData({ source: 'synthetic', spec: { kind: 'harmonic', degree: 8, n: 100, d: 2, difficulty: 0.5, seed: 'phase-1-harmonic' } } as any);
const p = Float64Array.from(ds.y, (y) => (y > 0 ? 1 : 0));
const net = initNet(64, 2, 'b', 'balanced');
const t0 = performance.now();
const r = trainLinearized(net, ds.X, ds.n, p, { eta: 4, T: 100000, radius: 100 });
console.log(((performance.now() - t0) / 1000).toFixed(3), 's', r.avgLoss);
