import { WIDTH_SETTINGS, prefetchWidthCells, cellOf, marginOf, type CellRequest, type DataRef } from '../src/verify/widthCells.js';
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
(WIDTH_SETTINGS as any).schedule = { ...WIDTH_SETTINGS.schedule, cT: Number(args.cT ?? 40), Tmax: Number(args.Tmax ?? 2e6) };
const degrees = (args.k ?? '2,4,8,16,32').split(',').map(Number);
const eps = (args.eps ?? '0.1').split(',').map(Number);
const regimes = (args.regimes ?? 'soft,hard').split(',');
const crits = (args.crit ?? 'objective').split(',');
const n = Number(args.n ?? 100); const diff = Number(args.diff ?? 0.5);
const refs: DataRef[] = degrees.map((k) => ({ source: 'synthetic', spec: { kind: 'harmonic', degree: k, n, d: 2, difficulty: diff, seed: 'phase-1-harmonic' } as any }));
for (const r of refs) console.log((r as any).spec.degree, 'gamma', marginOf(r).gammaUpper.toFixed(4));
const reqs: CellRequest[] = [];
for (const ref of refs) for (const e of eps) for (const regime of regimes) for (const c of crits) {
  const q: CellRequest = { ref, regime: regime as any, eps: e, searchSeed: 's', epochs: 'theory', criterion: c as any, student: (args.student ?? 'network') as any };
  if (args.scale && regime === 'soft') q.teacher = { scale: Number(args.scale), tau: 1 };
  reqs.push(q);
}
const t0 = Date.now();
await prefetchWidthCells({ progress: (d, t, l) => console.error(((Date.now() - t0) / 1000).toFixed(0), 's', d, '/', t, l) } as any, reqs);
for (const q of reqs) {
  const c = cellOf(undefined, q);
  console.log(`k=${(q.ref as any).spec.degree} γ=${c.gamma.toFixed(4)} ε=${q.eps} ${q.regime} ${q.criterion}: m*=${c.mStar} censor=${c.censor.reason} T=${c.T} triv=${c.trivial.trivial} R=${c.radius?.toFixed(1)} relmov=${c.lazy.relMovement?.toFixed(2)} flip=${c.lazy.flipFraction?.toFixed?.(2)} obj0=${c.losses.trivialObjective?.toFixed?.(3)} trainings=${c.trainings} ep=${(c.epochsTrained/1e6).toFixed(1)}M`);
}
console.log('wall', (Date.now() - t0) / 1000);
