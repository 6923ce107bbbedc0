import { runJob } from '../src/train/job.js';
import { wasmKernel } from '../src/train/fast/wasmKernel.js';
import { resolveTargets } from '../src/regimes/targets.js';
import { flippedFraction, frobeniusMovement } from '../src/train/lazyMetrics.js';
import { loadData, marginOf } from '../src/verify/widthCells.js';
const a = Object.fromEntries(process.argv.slice(2).map((x) => x.split('=')));
const ref: any = { source: 'synthetic', spec: { kind: 'harmonic', degree: Number(a.k), n: Number(a.n ?? 100), d: 2, difficulty: Number(a.diff ?? 0.5), seed: 'phase-1-harmonic' } };
const ds = loadData(ref); const g = marginOf(ref).gammaUpper;
const t = resolveTargets(ds, a.regime, a.scale ? { kind: 'ntk', scale: Number(a.scale) } as any : undefined);
const k = wasmKernel('f64');
const eta = Number(a.eta ?? 4);
for (const cT of (a.cT ?? '40').split(',').map(Number)) for (const m of (a.m ?? '64').split(',').map(Number)) {
  const T = Math.ceil(cT / (eta * g * g * Number(a.eps ?? 0.1)));
  const t0 = Date.now();
  const { net, net0, result } = runJob({ X: ds.X, n: ds.n, d: ds.d, p: t.p }, { m, seed: 's1', T, eta, radius: Infinity, init: 'balanced' } as any, k, true);
  const c = result.curve!;
  let acc = 0; for (let i = 0; i < ds.n; i++) acc += (result.f[i] * ds.y[i] > 0 ? 1 : 0);
  console.log(`k=${a.k} γ=${g.toFixed(4)} ${a.regime} cT=${cT} T=${T} m=${m} avg=${result.avgLoss.toFixed(4)} final=${result.finalLoss.toFixed(4)} acc=${acc / ds.n} curve=${[0, 0.01, 0.1, 0.3, 1].map((f) => c[Math.min(T, Math.floor(f * T))].toFixed(3)).join(' ')} flip=${flippedFraction(net, net0, ds.X, ds.n).toFixed(3)} relmov=${(frobeniusMovement(net, net0) / Math.sqrt(m * ds.d)).toFixed(2)} ${(Date.now() - t0) / 1000}s`);
}
