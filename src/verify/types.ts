/**
 * The shared vocabulary of verification: a Claim (one statement of the theory, or a deliberately false
 * mutant) runs to a ClaimResult with one of four verdicts. Property files in properties/ define Claims;
 * the vitest wrappers assert their expected verdict; `ntk-verify verify` runs them all and writes reports.
 */

/**
 * verified: the evidence supports the claim at the stated confidence.
 * refuted: a counterexample was found (and shrunk), or the failure rate exceeds δ at the stated confidence.
 * inconclusive: not enough evidence either way (e.g. too many fc.pre skips, interval straddles δ).
 * not-applicable: a precondition (e.g. a minimum width) is out of reach at this scale.
 */
export type Verdict = 'verified' | 'refuted' | 'inconclusive' | 'not-applicable';

/**
 * What a true claim checks, so a summary never mixes them: a 'theorem' of the theory under test (the width laws,
 * separation, the lazy-training radius), a 'lemma' it rests on (concentration, margin at finite width, the
 * gradient bound, the KL bound, the output at initialisation), or a 'sanity-check' of our code that follows from
 * other checks by construction. Absent for mutants.
 */
export type ClaimKind = 'theorem' | 'lemma' | 'sanity-check';

export interface Counterexample {
  /** fast-check seed and path that replay the failure bit-identically. */
  seed: number;
  path: string;
  /** The shrunk dataset when the counterexample is one (small: inlined in reports). */
  dataset?: { x: number[][]; y: number[]; p?: number[] };
  n?: number;
  d?: number;
  /** The failing values, e.g. { lhs, rhs, gamma, eps, m }. */
  values: Record<string, number | string | boolean | null>;
  /** One-line shell command that replays it. */
  replay: string;
}

/** One m* measurement: the smallest width reaching epoch-averaged loss ≤ eps in the required seed fraction. */
export interface WidthCell {
  dataset: string;
  regime: 'soft' | 'hard';
  gamma: number;
  eps: number;
  /** null when no width up to the search cap succeeded. */
  mStar: number | null;
  /** The theory's bound at (gamma, eps) with the configured constant. */
  bound?: number;
  seeds: number;
  /** Epochs the cell's trainings ran (its epoch budget). */
  T?: number;
  /** Why the claim left the cell out (with applicable: false), e.g. "T-limited". */
  excluded?: string;
  /**
   * false when the claim leaves this cell out of its test (e.g. T-limited: the epoch budget, not the width,
   * decided m*). Reports still list and draw it but leave it out of their log-log fits. Absent = included.
   */
  applicable?: boolean;
  /** Training points. */
  n?: number;
  /** The m* criterion ('objective' | 'relative' | 'logistic', src/verify/cellMeasures.ts). */
  criterion?: string;
  /** Initialisation of the students ('balanced' | 'iid'). */
  init?: string;
  /** 'linearized' when the student was the network linearized at W(0) (src/train/linearized.ts); absent for the network. */
  student?: string;
  /** The projection radius of its runs (absent: plain GD). */
  radius?: number;
  /** The uncapped theory budget ⌈c_T/(η γ² ε)⌉ (> T when T was clamped at its cap). */
  Ttheory?: number;
  /** m* ∈ (lower, upper], upper null = unbounded; reason 'exact' | 'above-cap' | 'T-limited' | 'T-capped'. */
  censor?: { lower: number; upper: number | null; reason: string };
  /**
   * The four losses of one trained student at lazy.m: epoch-averaged objective, its final value, logistic loss
   * on the true labels, 0-1 training error, objective relative to f ≡ 0, and R̂(f ≡ 0) itself.
   */
  losses?: { objective: number; objectiveFinal: number; logistic: number; zeroOne: number; relative: number | null; trivialObjective: number };
  /** Lazy diagnostics of that student: width, flipped fraction, ‖W(T) − W(0)‖/‖W(0)‖, lazy by the stated rule. */
  lazy?: { m: number; flipFraction: number; relMovement: number | null; lazy: boolean };
  /** f ≡ 0 or a one-neuron single-sign student meets the criterion: the cell is no evidence. */
  trivial?: { zeroPredictor: boolean; singleSign: boolean; trivial: boolean };
  /** Soft cells: the NTK teacher's scale and τ, its logistic loss on the true labels and its training accuracy. */
  teacher?: { scale: number; tau: number; logistic: number; accuracy: number };
}

export interface ClaimResult {
  id: string;
  title: string;
  /** The claim in words/formula. */
  statement: string;
  /** Paper, theorem/lemma, or "our reading", with an honesty tag. */
  source: string;
  /** e.g. "δ = 0.01, 200 trials, Clopper–Pearson 99% upper bound on failure rate vs δ". */
  confidence: string;
  verdict: Verdict;
  /** One line of evidence for the summary table. */
  evidence: string;
  /** What data it ran on. */
  data: string;
  /** True for a deliberately false claim (power analysis): it is expected to be refuted. */
  mutant: boolean;
  /** Theorem, lemma or sanity check (true claims; see {@link ClaimKind}). */
  kind?: ClaimKind;
  /** Numbers behind the verdict (for results.json and the report). */
  metrics: Record<string, number | string | boolean | null>;
  counterexample?: Counterexample;
  /** Width measurements behind width/scaling/separation claims. */
  cells?: WidthCell[];
  /**
   * Series for plots, name → points. Names with a conventional meaning the report draws specially:
   * 'ntk-error' (x = m, y = max|K_m − K|, with a 1/√m reference), 'loss-curve' (x = epoch, y = loss,
   * group = "m=…, soft|hard"), 'margin-bracket' (x = dataset index, y = bound, group = lower|upper|estimate).
   * Any other series is drawn as a plain line plot, log-log when its name ends in "-loglog".
   */
  series?: Record<string, { x: number; y: number; group?: string }[]>;
  /** fast-check seed the run used. */
  seed: number;
  wallSeconds: number;
}

export interface RunContext {
  /** fast-check / init seed for the whole run. */
  seed: number;
  /** Smaller budgets for CI (`npm test`) vs the default `verify`. */
  quick: boolean;
  /** Optional progress hook: (done, total, label). */
  progress?: (done: number, total: number, label: string) => void;
  /**
   * Optional store of finished cells (e.g. one m* search), keyed by a deterministic string of everything the
   * cell depends on. `verify --resume` passes a store backed by the interrupted run's recorded cells, so a
   * resumed run recomputes nothing it has and gives the same results as an uninterrupted one.
   */
  cells?: CellStore;
  /**
   * Exact early exits in m* searches (src/bounds/minWidth.ts): the same m*, verdicts and results.json, in less
   * time; false runs the naive search, for comparison. @defaultValue true
   */
  earlyExit?: boolean;
  /** Criterion of m* in the width cells (src/verify/cellMeasures.ts). @defaultValue 'objective' */
  criterion?: 'objective' | 'relative' | 'logistic';
  /** Initialisation of the width cells' students. @defaultValue WIDTH_SETTINGS.init ('balanced') */
  init?: 'iid' | 'balanced';
  /** 'default' or 'full' (larger designs where a claim offers them, e.g. the phase diagram). @defaultValue 'default' */
  profile?: 'default' | 'full';
}

export interface CellStore {
  get(key: string): unknown | undefined;
  set(key: string, value: unknown): void;
}

export interface Claim {
  id: string;
  title: string;
  statement: string;
  source: string;
  confidence: string;
  /** Mutants must come out refuted; true claims verified (or not-applicable where stated). */
  mutant: boolean;
  /** Theorem, lemma or sanity check (true claims; see {@link ClaimKind}). */
  kind?: ClaimKind;
  run(ctx: RunContext): ClaimResult | Promise<ClaimResult>;
  /**
   * Re-run one recorded case of a fast-check claim bit-identically from its fc seed and path (the values in
   * a Counterexample). Absent for claims that are not fast-check properties (e.g. aggregate fits).
   */
  replay?(seed: number, path: string): ReplayResult;
}

/** What `ntk-verify replay --claim <id> --seed S --path P` prints (as JSON). */
export interface ReplayResult {
  claim: string;
  seed: number;
  path: string;
  /** True when the replayed case violates the claim again (a counterexample). */
  failed: boolean;
  /** The replayed case: dataset, sizes and values (present whether or not it failed). */
  counterexample: Counterexample | null;
}

/** The descriptive fields every Claim and ClaimResult share. */
export type ClaimHeader = Pick<Claim, 'id' | 'title' | 'statement' | 'source' | 'confidence' | 'mutant' | 'kind'>;

/** Copy the header fields of a claim definition (for claim builders and their results); kind only when set. */
export function claimHeader(def: ClaimHeader): ClaimHeader {
  const { id, title, statement, source, confidence, mutant, kind } = def;
  return { id, title, statement, source, confidence, mutant, ...(kind ? { kind } : {}) };
}
