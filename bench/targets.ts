/**
 * The performance targets of the suite, judged on the bench rows (hard regime: the algorithm torch_train.py runs):
 * float64 on one core vs single-core PyTorch float64 — ≥ 2× at (200, 20, 64), ≥ 1.5× at (200, 20, 512) and
 * (200, 20, 4096), ≥ 0.5× at (500, 784, 256); float32 ≥ 3× PyTorch float64 at the d = 20 sizes; two workers
 * ≥ 1.8× one worker in aggregate throughput of independent trainings (judged at every size).
 * Source: our performance goals (README, Performance) [INFERRED].
 */
import type { Row } from './row.js';
import type { SearchFigures } from './widthSearch.js';

export interface Target {
  label: string;
  n: number;
  d: number;
  m: number;
  kind: 'f64/torch' | 'f32/torch' | '2w/1w';
  target: number;
}

export const TARGETS: readonly Target[] = [
  { label: 'wasm f64 / PyTorch f64 at (200, 20, 64)', n: 200, d: 20, m: 64, kind: 'f64/torch', target: 2 },
  { label: 'wasm f64 / PyTorch f64 at (200, 20, 512)', n: 200, d: 20, m: 512, kind: 'f64/torch', target: 1.5 },
  { label: 'wasm f64 / PyTorch f64 at (200, 20, 4096)', n: 200, d: 20, m: 4096, kind: 'f64/torch', target: 1.5 },
  { label: 'wasm f64 / PyTorch f64 at (500, 784, 256)', n: 500, d: 784, m: 256, kind: 'f64/torch', target: 0.5 },
  { label: 'wasm f32 / PyTorch f64 at (200, 20, 64)', n: 200, d: 20, m: 64, kind: 'f32/torch', target: 3 },
  { label: 'wasm f32 / PyTorch f64 at (200, 20, 512)', n: 200, d: 20, m: 512, kind: 'f32/torch', target: 3 },
  { label: 'wasm f32 / PyTorch f64 at (200, 20, 4096)', n: 200, d: 20, m: 4096, kind: 'f32/torch', target: 3 },
  { label: '2 workers / 1 worker at (200, 20, 64)', n: 200, d: 20, m: 64, kind: '2w/1w', target: 1.8 },
  { label: '2 workers / 1 worker at (200, 20, 512)', n: 200, d: 20, m: 512, kind: '2w/1w', target: 1.8 },
  { label: '2 workers / 1 worker at (200, 20, 4096)', n: 200, d: 20, m: 4096, kind: '2w/1w', target: 1.8 },
  { label: '2 workers / 1 worker at (500, 784, 256)', n: 500, d: 784, m: 256, kind: '2w/1w', target: 1.8 },
];

export interface TargetResult extends Target {
  value?: number;
  /** undefined when not measured (no PyTorch, no pool). */
  met?: boolean;
}

/** Judge every target on the rows' figures by one clock ('wall': the issue's measure; 'cpu': per CPU second). */
export function judge(rows: readonly Row[], clock: 'wall' | 'cpu'): TargetResult[] {
  return TARGETS.map((t) => {
    const row = rows.find((x) => x.regime === 'hard' && x.n === t.n && x.d === t.d && x.m === t.m);
    const r = row?.[clock];
    let value: number | undefined;
    if (r && t.kind === 'f64/torch' && r.torch64) value = r.f64 / r.torch64;
    if (r && t.kind === 'f32/torch' && r.torch64) value = r.f32 / r.torch64;
    if (r && t.kind === '2w/1w' && r.pool1 && r.pool2) value = r.pool2 / r.pool1;
    return { ...t, value, met: value === undefined ? undefined : value >= t.target };
  });
}

/** The width-search targets, judged on the section's figures (wall clock): one line each. */
export function searchTargetLines(f: SearchFigures): string[] {
  const show = (v: number | undefined, target: number) => (v === undefined ? 'not measured' : `${v >= target ? '✓' : '✗'} ${v.toFixed(2)}×`);
  return [
    'Targets (width searches):',
    `  complete searches, early exits on / off, one core, Σ over the set (≥ 5×): ${show(f.speedup, 5)}`,
    `  against the naive PyTorch search, hard labels, Σ over the datasets it ran (≥ 10×): ${show(f.vsTorch, 10)}`,
    `  the whole set on 2 workers / 1 worker (≥ 1.8×): ${show(f.pool ? f.pool.workers1 / f.pool.workers2 : undefined, 1.8)}`,
  ];
}
