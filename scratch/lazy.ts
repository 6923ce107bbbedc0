import { empiricalGram } from '../src/ntk/empirical.js';
import { initNet } from '../src/model/twoLayer.js';
import { klLogit, sigmoid } from '../src/model/losses.js';
import { resolveTargets, resolveRadius } from '../src/regimes/targets.js';
import { loadData, marginOf } from '../src/verify/widthCells.js';
const a = Object.fromEntries(process.argv.slice(2).map((x) => x.split('=')));
function train(K: Float64Array, p: Float64Array, n: number, eta: number, T: number, R: number) {
  const f = new Float64Array(n), c = new Float64Array(n), g = new Float64Array(n);
  let sum = 0;
  for (let t = 0; t < T; t++) {
    let loss = 0;
    for (let i = 0; i < n; i++) { loss += klLogit(f[i], p[i]); g[i] = (sigmoid(f[i]) - p[i]) / n; }
    sum += loss / n;
    if (sum / T > stopAbove) return { avg: sum / T, stopped: t };
    for (let i = 0; i < n; i++) { c[i] -= eta * g[i]; let s = 0; const row = i * n; for (let j = 0; j < n; j++) s += K[row + j] * g[j]; f[i] -= eta * s; }
    if (Number.isFinite(R)) { let q = 0; for (let i = 0; i < n; i++) q += c[i] * f[i]; if (q > R * R) { const s = R / Math.sqrt(q); for (let i = 0; i < n; i++) { c[i] *= s; f[i] *= s; } } }
  }
  return { avg: sum / T, stopped: T };
}
let stopAbove = Infinity;
const refs: any[] = (a.k ?? '2,4,8,16').split(',').map((k: string) => ({ source: 'synthetic', spec: { kind: 'harmonic', degree: Number(k), n: 100, d: 2, difficulty: 0.5, seed: 'phase-1-harmonic' } }));
const eps = Number(a.eps ?? 0.1); const eta = 4; const cT = Number(a.cT ?? 40); const rho = Number(a.rho ?? 2);
for (const ref of refs) {
  const ds = loadData(ref); const gam = marginOf(ref).gammaUpper;
  const T = Math.ceil(cT / (eta * gam * gam * eps));
  for (const regime of (a.regimes ?? 'soft,hard').split(',')) {
    const tg = resolveTargets(ds, regime as any);
    const R = regime === 'soft' ? resolveRadius('auto', 'soft', tg).radius : rho * Math.log(1 / eps) / gam;
    stopAbove = eps;
    const t0 = Date.now(); const res: string[] = []; let mStar = null;
    for (let m = 2; m <= 8192; m *= 2) {
      let ok = 0;
      for (const seed of ['a', 'b', 'c']) { const net = initNet(m, ds.d, `${seed}-${m}`, 'balanced'); const K = empiricalGram(net, ds.X, ds.n); const r = train(K, tg.p, ds.n, eta, T, R); if (r.stopped === T && r.avg <= eps) ok++; if (ok >= 2) break; }
      res.push(`${m}:${ok}`);
      if (ok >= 2) { mStar = m; break; }
    }
    console.log(`k=${ref.spec.degree} γ=${gam.toFixed(4)} ${regime} R=${R.toFixed(1)} T=${T} m*≤${mStar} [${res.join(' ')}] ${(Date.now() - t0) / 1000}s`);
  }
}
