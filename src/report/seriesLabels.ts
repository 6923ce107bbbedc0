/**
 * Words for the figures of the claims' named series (src/verify/types.ts conventions, properties/claims/*):
 * a title, both axis titles with units or symbols, the legend title and a caption saying what each mark is.
 * A series not listed here (e.g. from a --catalog module) falls back to its name, with the caption saying so.
 */

export interface SeriesLabels {
  title: string;
  x: string;
  y: string;
  legend: string;
  caption: string;
  /**
   * Groups drawn as unconnected points (each point a separate dataset or cell: a line would suggest a curve
   * through unrelated data); the other groups of the series are drawn as lines.
   */
  pointGroups?: (group: string) => boolean;
}

const widthCells = (regime: 'soft' | 'hard', g: string): SeriesLabels => ({
  title: `${regime === 'soft' ? 'Soft' : 'Hard'} labels: measured m* of each cell against the bound's factor g(γ, ε) = ${g} (log-log)`,
  x: `g(γ, ε) = ${g}`,
  y: 'width m (neurons)',
  legend: 'what is drawn',
  caption:
    `Each point is one width cell (its own dataset, γ and ε): its measured m* (${regime}). The line is the fitted bound ⌈Ĉ·g⌉ with the ` +
    'calibrated constant Ĉ; a point above it is a cell the bound misses. Cells are separate datasets, so their points are not joined.',
  pointGroups: (group) => group.startsWith('m*'),
});

const phase = (name: string, reading: string): SeriesLabels => ({
  title: `Phase diagram, ${name}: who needs fewer neurons over (γ, ε)`,
  x: 'NTK margin γ (γ_rkhs)',
  y: 'target loss ε (nats)',
  legend: 'what is drawn',
  caption:
    `Log-log axes. Each point is one (dataset, ε) pair, coloured by what the censoring intervals of m*_soft and m*_hard decide under ${name} (${reading}): ` +
    'soft needs fewer, tie, soft needs more, or undecided (a cell T-limited, trivial, or censored on the wrong side). The two ' +
    'lines are γ = ε (the paper\'s hard-data region γ ≤ ε lies above-left of it) and the bounds\' boundary γ² = ε·ln(1/ε) (the ' +
    'bounds favour soft labels above it). The ratios themselves are in the claim\'s table (metrics "phase: …").',
  pointGroups: (group) => !group.startsWith('γ'),
});

/** Series name → its words. */
export const SERIES_LABELS: Record<string, SeriesLabels> = {
  'lazy-flipped-fraction-loglog': {
    title: 'Lazy training: fraction of ReLU activation patterns flipped by training, against width (log-log)',
    x: 'width m (neurons)',
    y: 'flipped fraction of patterns 1[⟨w_s, x_i⟩ > 0]',
    legend: 'dataset kind',
    caption: 'Mean over initialisations per dataset kind and width; lazy (NTK) training predicts the fraction falls as m grows.',
  },
  'lazy-scaled-movement-loglog': {
    title: 'Lazy training: weight movement √m·max_s ‖w_s(T) − w_s(0)‖ and its bound, against width (log-log)',
    x: 'width m (neurons)',
    y: '√m · max_s ‖w_s(T) − w_s(0)‖',
    legend: 'dataset kind, quantity',
    caption: 'Mean over initialisations per dataset kind and width: the measured scaled movement and its bound η Σ_t min(R̂(W(t)), 1); the claim is that the measured line stays below its bound.',
  },
  'soft-width-cells-loglog': widthCells('soft', '1/(γ²ε)'),
  'hard-width-cells-loglog': widthCells('hard', 'ln(1/ε)/γ⁴'),
  'phase-diagram-loglog': phase("the paper's reading", "each regime's own objective ≤ ε"),
  'phase-diagram-yardstick-loglog': phase('the commensurate reading', 'objective relative to f ≡ 0 ≤ ε'),
  'phase-diagram-linearized-loglog': phase("linearized students, the paper's reading", "each regime's own objective ≤ ε, students linearized at W(0)"),
  'linearized-mstar-vs-gamma-loglog': {
    title: 'Linearized students: m* against the NTK margin γ (log-log)',
    x: 'NTK margin γ (γ_rkhs)',
    y: 'width m* (neurons)',
    legend: 'regime, reading, ε (censoring)',
    caption:
      'Each point is one cell of the linearized students (the network with its activation patterns frozen at W(0)) on the circular-harmonic ' +
      'datasets: its m*, or the last failing width when m* is censored (marked). The bounds say m* may grow as 1/γ² (soft) and 1/γ⁴ (hard); ' +
      'the fitted exponents with their intervals are in the claim\'s metrics. Cells are separate datasets, so points are not joined.',
    pointGroups: () => true,
  },
};
