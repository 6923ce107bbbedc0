/**
 * `ntk-verify dataset | margin | train | width`: the single-dataset tools. Each reads/writes the JSON dataset
 * file {"x": number[][], "y": (−1|1)[], "p"?: number[]} and prints JSON on stdout. Options are checked at
 * parse time (src/cli/parse.ts) and sizes against the machine's memory (src/cli/memory.ts) before any work.
 */
import { Command, Option } from 'commander';
import type { Dataset } from '../../data/dataset.js';
import type { RowNormSummary } from '../../data/datasetFile.js';
import type { WidthOutcome } from '../../bounds/minWidth.js';
import type { RkhsMargin } from '../../margin/gammaRkhs.js';
import type { Separability } from '../../margin/separability.js';
import { InputError, PreconditionError } from '../../errors.js';
import { printJson, type CliIO } from '../io.js';
import { checkMemory, curveBytes, fitsMemory, marginBytes, searchBytes, trainBytes } from '../memory.js';
import * as P from '../parse.js';
import { DEFAULT_ETA, ETA_MAX } from '../../train/defaults.js';

/** What a data-reading command says about its input: the file, and that (and how) rows were scaled on read. */
interface InputSummary {
  file: string;
  rowScaling: { note: string; train: RowNormSummary; test?: RowNormSummary };
}

/**
 * Read and validate a dataset file (src/data/datasetFile.ts: InputError naming the field and row), with the
 * `input` field every data-reading command prints: rows are scaled to unit norm on read, raw norms kept.
 */
async function readDataset(path: string): Promise<{ ds: Dataset; input: InputSummary }> {
  const { readDatasetFileWithNorms, ROW_SCALING_NOTE } = await import('../../data/datasetFile.js');
  const r = readDatasetFileWithNorms(path);
  const rowScaling: InputSummary['rowScaling'] = { note: ROW_SCALING_NOTE, train: r.rowNorms };
  if (r.testRowNorms) rowScaling.test = r.testRowNorms;
  return { ds: r.ds, input: { file: path, rowScaling } };
}

/** Help text of --data for every command that reads a dataset file. */
const DATA_HELP = 'dataset JSON file {"x", "y", "p"?}; rows of x are scaled to unit length on read (the output\'s input.rowScaling gives the raw row norms)';

/**
 * --regime soft on data the NTK cannot separate (γ = 0, e.g. a parallel pair with opposite labels): the NTK
 * teacher that makes the soft labels does not exist (src/teacher/ntkTeacher.ts throws PreconditionError).
 * Rethrown as an InputError naming --data, with the two ways out. Other errors pass through.
 */
function softNeedsSeparable(e: unknown, path: string): never {
  if (e instanceof PreconditionError && e.message.startsWith('ntkTeacher:')) {
    throw new InputError('--data', `${e.message}; for --regime soft give soft labels "p" in the file, or use --regime hard (${path})`);
  }
  throw e;
}

/**
 * --regime soft without soft labels in the file: the NTK teacher exists only for data the separability rule
 * (src/margin/separability.ts) calls separable. One line naming --data, the evidence and the two ways out.
 * @throws InputError('--data') when s is not separable.
 */
function softNeedsSeparableData(s: Separability, path: string): void {
  if (s.separable) return;
  throw new InputError('--data', `not NTK-separable (${s.decidedBy}), so the NTK teacher that makes soft labels does not exist; for --regime soft give soft labels "p" in the file, or use --regime hard (${path})`);
}

const SOURCES = ['mnist', 'teacher', 'linear', 'xor', 'parity', 'harmonic'] as const;
/** Defaults of `ntk-verify dataset` (the README's example: --n 200 --dim 20 --seed 1). */
export const DATASET_DEFAULTS = { n: 200, dim: 20, noise: 0, seed: 1, digits: [4, 9] as [number, number] };

function datasetCommand(program: Command, io: CliIO): void {
  program
    .command('dataset')
    .description('generate a dataset file (synthetic rule or an MNIST digit pair) and print its summary')
    .addOption(new Option('--source <kind>', 'labelling rule or real data').choices(SOURCES).makeOptionMandatory())
    .option('--digits <a,b>', 'MNIST digit pair (first → +1)', P.digits, DATASET_DEFAULTS.digits)
    .option('--n <count>', 'training points', P.positiveInt, DATASET_DEFAULTS.n)
    .option('--dim <d>', 'input dimension (MNIST: PCA dimension)', P.positiveInt, DATASET_DEFAULTS.dim)
    .option('--noise <sigma>', 'MNIST: additive Gaussian pixel noise σ', P.nonNegativeReal, DATASET_DEFAULTS.noise)
    .option('--difficulty <x>', 'synthetic: margin knob in [0, 1] (higher = smaller margin γ)', P.closedUnit)
    .option('--label-noise <f>', 'synthetic: fraction of labels flipped, in [0, 1/2]', P.nonNegativeReal)
    .option('--degree <k>', 'harmonic: even degree k ≥ 2 of y = sign(Re((x_1 + i·x_2)^k)), 2k arcs when --dim 2 (default 8)', P.positiveInt)
    .option('--n-test <count>', 'held-out test points', P.nonNegativeInt)
    .option('--seed <int>', 'seed of every random draw', P.seed, DATASET_DEFAULTS.seed)
    .requiredOption('--out <file>', 'output JSON file')
    .action(async (o: { source: (typeof SOURCES)[number]; digits: [number, number]; n: number; dim: number; noise: number; difficulty?: number; labelNoise?: number; nTest?: number; seed: number; out: string; degree?: number }) => {
      let ds: Dataset;
      if (o.source === 'mnist') {
        if (o.difficulty !== undefined) throw new InputError('--difficulty', 'applies to synthetic sources only, not mnist');
        if (o.labelNoise !== undefined) throw new InputError('--label-noise', 'applies to synthetic sources only, not mnist');
        const { loadMnistPair } = await import('../../data/mnist.js');
        ds = loadMnistPair({ digits: o.digits, n: o.n, nTest: o.nTest, dim: o.dim, noise: o.noise, seed: o.seed });
      } else {
        if (o.noise !== DATASET_DEFAULTS.noise) throw new InputError('--noise', 'applies to --source mnist only (use --label-noise for synthetic data)');
        const { synthetic } = await import('../../data/synthetic.js');
        if (o.degree !== undefined && o.source !== 'harmonic') throw new InputError('--degree', `applies to --source harmonic only, not ${o.source}`);
        ds = synthetic({ kind: o.source, n: o.n, d: o.dim, seed: o.seed, difficulty: o.difficulty, nTest: o.nTest, labelNoise: o.labelNoise, degree: o.degree });
      }
      const { writeDatasetFile } = await import('../../data/datasetFile.js');
      writeDatasetFile(o.out, ds);
      printJson(io, { out: o.out, name: ds.name ?? null, n: ds.n, d: ds.d, nTest: ds.test?.n ?? 0, soft: ds.p !== undefined });
    });
}

function marginCommand(program: Command, io: CliIO): void {
  program
    .command('margin')
    .description('print the NTK margin γ of a dataset: certified RKHS bracket and/or sup-norm Monte Carlo estimate')
    .requiredOption('--data <file>', DATA_HELP)
    .addOption(new Option('--kind <reading>', 'which γ reading').choices(['rkhs', 'sup', 'both']).default('both'))
    .option('--samples <N>', 'Monte Carlo directions z ~ N(0, I_d) for the sup reading', P.positiveInt)
    .option('--seed <int>', 'seed of the Monte Carlo directions', P.seed)
    .action(async (o: { data: string; kind: 'rkhs' | 'sup' | 'both'; samples?: number; seed?: number }) => {
      const { ds, input } = await readDataset(o.data);
      if (o.samples !== undefined) checkMemory('--samples', marginBytes(ds.n, ds.d, o.samples), `the margin at n = ${ds.n}, d = ${ds.d}, ${o.samples} samples`);
      checkMemory('--data', marginBytes(ds.n, ds.d, 0), `the n×n NTK Gram at n = ${ds.n}`);
      const { marginReport } = await import('../../margin/marginReport.js');
      printJson(io, { input, ...marginReport(ds, { kind: o.kind, samples: o.samples, seed: o.seed }) });
    });
}

const studentOption = () => new Option('--student <model>', 'the network (default) or its linearization at W(0): activation patterns frozen, the lazy model of the NTK analyses').choices(['network', 'linearized']);

const regimeOption = () => new Option('--regime <r>', 'soft (teacher soft labels, projected GD) or hard (logistic loss on ±1 labels)').choices(['soft', 'hard']).makeOptionMandatory();

/** A command that trains on a dataset file in one regime: its --data and --regime options, in that order. */
const regimeCommand = (program: Command, name: string, description: string): Command =>
  program.command(name).description(description).requiredOption('--data <file>', DATA_HELP).addOption(regimeOption());

function trainCommand(program: Command, io: CliIO): void {
  regimeCommand(program, 'train', 'train the two-layer student in one regime and print avgLoss, finalLoss, accuracies')
    .requiredOption('--width <m>', 'hidden width m', P.positiveInt)
    .option('--epochs <T>', 'full-batch GD epochs (one epoch = one step)', P.positiveInt)
    .option('--lr <eta>', `step size η in (0, ${ETA_MAX}], the documented stable range (default ${DEFAULT_ETA})`, P.stepSize)
    .option('--seed <int>', 'seed of the initialisation W(0), a', P.seed, 0)
    .option('--radius <R>', 'projection radius on ‖W − W(0)‖_F: a number, "inf" or "auto"', P.radius)
    .option('--tau <t>', 'soft labels: teacher temperature τ > 0 in p = σ(g/τ)', P.positiveReal)
    .option('--curve', 'include the per-epoch loss curve')
    .addOption(studentOption())
    .action(async (o: { data: string; regime: 'soft' | 'hard'; width: number; epochs?: number; lr?: number; seed: number; radius?: number | 'auto'; tau?: number; curve?: boolean; student?: 'network' | 'linearized' }) => {
      const { ds, input } = await readDataset(o.data);
      checkMemory('--width', trainBytes(ds.n, ds.d, o.width), `training at width ${o.width} on n = ${ds.n}, d = ${ds.d}`);
      if (o.student === 'linearized') checkMemory('--student', marginBytes(ds.n, ds.d, 0), `the linearized student's n×n empirical NTK Gram at n = ${ds.n}`);
      if (o.curve) {
        const { DEFAULT_T } = await import('../../train/defaults.js');
        const T = o.epochs ?? DEFAULT_T;
        checkMemory('--epochs', trainBytes(ds.n, ds.d, o.width) + curveBytes(T), `training with --curve over ${T} epochs at width ${o.width}`);
      }
      if (o.tau !== undefined && o.regime === 'hard') throw new InputError('--tau', 'applies to --regime soft only');
      // Separability by the one rule of src/margin/separability.ts, stated in the output; its Gram and γ_rkhs
      // are handed to the NTK teacher (soft regime) so they are computed once.
      const { separabilityOf, SEPARABILITY_RULE } = await import('../../margin/separability.js');
      let separability: { separable: boolean | null; decidedBy: string; rule: string };
      let teacher: Record<string, unknown> | undefined = o.tau !== undefined ? { tau: o.tau } : undefined;
      const gramBytes = marginBytes(ds.n, ds.d, 0);
      if (fitsMemory(gramBytes)) {
        const s = separabilityOf(ds);
        separability = { separable: s.separable, decidedBy: s.decidedBy, rule: s.rule };
        if (o.regime === 'soft' && !ds.p) {
          softNeedsSeparableData(s, o.data);
          teacher = { ...teacher, gram: s.gram, margin: s.margin };
        }
      } else {
        separability = { separable: null, decidedBy: `not computed: the n×n NTK Gram at n = ${ds.n} would need more memory than this machine allows`, rule: SEPARABILITY_RULE };
      }
      const { trainReport } = await import('../../regimes/trainRegime.js');
      const opts = {
        regime: o.regime,
        m: o.width,
        seed: o.seed,
        T: o.epochs,
        eta: o.lr,
        radius: o.radius,
        teacher,
        recordCurve: o.curve ?? false,
        student: o.student,
      };
      let report: Record<string, unknown>;
      try {
        report = trainReport(ds, opts as Parameters<typeof trainReport>[1]);
      } catch (e) {
        softNeedsSeparable(e, o.data);
      }
      printJson(io, { input, separability, ...report });
    });
}

function widthCommand(program: Command, io: CliIO): void {
  regimeCommand(program, 'width', 'search the smallest width m* whose epoch-averaged loss ≤ ε in the required fraction of seeds')
    .requiredOption('--eps <e>', 'target epoch-averaged loss ε in (0, 1), nats', P.openUnit)
    .option('--seeds <k>', 'initialisation seeds per width', P.positiveInt)
    .option('--success <f>', 'fraction of seeds that must reach ε, in (0, 1)', P.openUnit)
    .option('--m-max <M>', 'largest width tried', P.positiveInt)
    .option('--epochs <T>', 'full-batch GD epochs, or "theory": T = ⌈40/(η γ² ε)⌉ clamped to [300, 100000]', P.epochs)
    .option('--lr <eta>', `step size η in (0, ${ETA_MAX}], the documented stable range (default ${DEFAULT_ETA})`, P.stepSize)
    .option('--seed <int>', 'base seed of the initialisations', P.seed)
    .option('--radius <R>', 'projection radius: a number, "inf" or "auto"', P.radius)
    .option('--tau <t>', 'soft labels: teacher temperature τ > 0', P.positiveReal)
    .option('--C <c>', 'constant of the theory bound (default C_SOFT / C_HARD)', P.positiveReal)
    .option('--no-early-exit', 'train every seed of every width to the end (the naive search: same m*, slower)')
    .option('--workers <k>', 'worker threads for the trainings (0: in-process; default NTK_VERIFY_WORKERS, else all cores)', P.nonNegativeInt)
    .addOption(new Option('--init <scheme>', 'students: iid signs (default) or balanced pairs with f(x; W(0)) = 0, searched over even widths (as the width claims)').choices(['iid', 'balanced']))
    .addOption(studentOption())
    .action(async (o: { data: string; regime: 'soft' | 'hard'; eps: number; seeds?: number; success?: number; mMax?: number; epochs?: number | 'theory'; lr?: number; seed?: number; radius?: number | 'auto'; tau?: number; C?: number; earlyExit: boolean; workers?: number; init?: 'iid' | 'balanced'; student?: 'network' | 'linearized' }) => {
      const { ds, input } = await readDataset(o.data);
      const { DEFAULT_M_MAX, DEFAULT_SEEDS } = await import('../../bounds/minWidth.js');
      const mMax = o.mMax ?? DEFAULT_M_MAX;
      checkMemory(o.mMax !== undefined ? '--m-max' : '--data', trainBytes(ds.n, ds.d, mMax), `training at width ${mMax} on n = ${ds.n}, d = ${ds.d}`);
      const seeds = o.seeds ?? DEFAULT_SEEDS;
      checkMemory('--seeds', searchBytes(ds.n, ds.d, mMax, seeds), `the m* search with ${seeds} seeds per width, widths up to ${mMax}, on n = ${ds.n}, d = ${ds.d}`);
      if (o.student === 'linearized') checkMemory('--student', marginBytes(ds.n, ds.d, 0), `the linearized students' n×n empirical NTK Gram at n = ${ds.n}`);
      if (o.tau !== undefined && o.regime === 'hard') throw new InputError('--tau', 'applies to --regime soft only');
      let margin: RkhsMargin | undefined;
      if (o.regime === 'soft' && !ds.p) {
        checkMemory('--data', marginBytes(ds.n, ds.d, 0), `the n×n NTK Gram of the soft labels' teacher at n = ${ds.n}`);
        const { separabilityOf } = await import('../../margin/separability.js');
        const s = separabilityOf(ds);
        softNeedsSeparableData(s, o.data);
        margin = s.margin;
      }
      const { widthReportAsync } = await import('../../bounds/widthReport.js');
      const { TrainPool } = await import('../../train/pool/pool.js');
      const pool = new TrainPool(o.workers !== undefined ? { workers: o.workers } : {});
      const { progressMode } = await import('../../run/progress.js');
      const progress = widthProgress(io, progressMode(false, io.stderrIsTTY, io.env) === 'bar');
      const show = progress.show;
      const opts = {
        margin,
        evaluate: pool.evaluator({ kernel: 'wasm' }),
        earlyExit: o.earlyExit,
        onWidth: (w: WidthOutcome) => show(`m = ${w.m}: ${w.success ? 'reaches' : 'misses'} ε`, w),
        onFloor: (w: WidthOutcome) => show(`loss floor at m = ${w.m}: ${w.success ? 'not T-limited' : 'T-limited'}`, w),
        regime: o.regime,
        eps: o.eps,
        seeds: o.seeds,
        successFraction: o.success,
        mMax: o.mMax,
        T: o.epochs,
        eta: o.lr,
        seed: o.seed,
        radius: o.radius,
        teacher: o.tau !== undefined ? { tau: o.tau } : undefined,
        C: o.C,
        init: o.init,
        student: o.student,
      };
      let report: Record<string, unknown>;
      try {
        report = await widthReportAsync(ds, opts as Parameters<typeof widthReportAsync>[1]);
      } catch (e) {
        softNeedsSeparable(e, o.data);
      } finally {
        progress.end();
        await pool.close();
      }
      printJson(io, { input, ...report });
    });
}

/**
 * Live progress of `width` on stderr, one event per decided width: an overwritten line on a terminal (`bar`), plain
 * lines under CI or a pipe; each gives the epochs every seed ran ("—": not needed) and the time so far.
 */
function widthProgress(io: CliIO, tty: boolean): { show: (what: string, w: WidthOutcome) => void; end: () => void } {
  const t0 = performance.now();
  let shown = false;
  return {
    show(what, w) {
      const epochs = w.runs.map((r) => (r === null ? '—' : String(r.epochs))).join(', ');
      const line = `width: ${what}; epochs run per seed ${epochs}; ${((performance.now() - t0) / 1000).toFixed(1)} s`;
      io.err(tty ? `\r\x1b[K${line}` : `${line}\n`);
      shown = true;
    },
    end: () => void (tty && shown && io.err('\n')),
  };
}

export function registerDataCommands(program: Command, io: CliIO): void {
  datasetCommand(program, io);
  marginCommand(program, io);
  trainCommand(program, io);
  widthCommand(program, io);
}
