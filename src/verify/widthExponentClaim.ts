/**
 * Build a width-law claim tested by its exponents (src/verify/widthExponents.ts): measure a fixed design of width
 * cells (all cores, src/verify/widthCells.ts), turn every cell into the interval it measures, fit
 * ln m* − ln logFactor(ε) = a + b·ln(1/γ) + c·ln(1/ε) by interval-censored maximum likelihood and compare b, c with
 * the law's β, κ. The same builder makes the true laws' claims (properties/claims/widthSoft.ts, widthHard.ts) and
 * the wrong-law mutants (properties/mutants/), which must be refuted on the same cells.
 * A refuted aggregate claim has no (seed, path) to replay: its counterexample is the fitted interval, and its
 * replay line re-runs the claim on the run seed (`verify --only`).
 */
import type { WidthLaw } from '../bounds/laws.js';
import { aggregateClaim, type AggregateDecision } from './aggregateClaim.js';
import { fmt } from './propertyClaim.js';
import type { Claim, ClaimHeader, RunContext } from './types.js';
import { epochMetrics, prefetchWidthCells, toWidthCell, widthCell, WIDTH_SETTINGS, type CellRequest, type WidthSearchCell } from './widthCells.js';
import { exponentMetrics, fmtInterval, testLawExponents, widthInterval, type ExponentTest, type WidthInterval } from './widthExponents.js';

export interface WidthExponentClaimDef extends ClaimHeader {
  law: WidthLaw;
  data: string;
  /** The design's cell requests for a run (deterministic in ctx.seed and ctx.quick). */
  design(ctx: RunContext): CellRequest[];
}

/** Measure a design: every cell on all cores first, then read them in order. */
export async function designCells(ctx: RunContext, requests: readonly CellRequest[]): Promise<WidthSearchCell[]> {
  await prefetchWidthCells(ctx, requests);
  return requests.map((q) => widthCell(ctx, q.ref, q.regime, q.eps, q.searchSeed, q.epochs, q.floor));
}

/** The evidence line of an exponent test. */
export function exponentEvidence(t: ExponentTest, law: WidthLaw, cells: readonly WidthInterval[]): string {
  const n = (k: WidthInterval['censoring']) => cells.filter((c) => c.censoring === k).length;
  const floor = cells.filter((c) => c.censoring === 'none' && c.upper === 1).length;
  const loose = (name: string, e: number, i: ExponentTest['b']) =>
    i && Number.isFinite(i.upper) && i.upper < e ? `; looser than the law in ${name} by ${fmt(e - i.estimate)} [${fmt(e - i.upper)}, ${Number.isFinite(i.lower) ? fmt(e - i.lower) : '∞'}]` : '';
  const { invGamma: beta, invEps: kappa } = law.exponents;
  const lf = law.logFactorText ? ` − ln ${law.logFactorText}` : '';
  return (
    `ln m*${lf} = a + b·ln(1/γ) + c·ln(1/ε) on ${cells.length} cells (${n('above-cap')} above the cap, ${n('T-limited')} T-limited, ${floor} at m* = 1; all kept as intervals): ` +
    `b = ${fmtInterval(t.b, fmt)} vs β = ${beta}, c = ${fmtInterval(t.c, fmt)} vs κ = ${kappa} (${Math.round(100 * (1 - (t.fit?.alpha ?? 0.01)))}% profile intervals, σ̂ = ${t.fit ? fmt(t.fit.sigma) : '—'}) — ${t.reason}` +
    loose('1/γ', beta, t.b) + loose('1/ε', kappa, t.c)
  );
}

/** The claim (module doc). */
export function widthExponentClaim(def: WidthExponentClaimDef): Claim {
  return aggregateClaim({
    ...def,
    async evaluate(ctx): Promise<AggregateDecision> {
      const measured = await designCells(ctx, def.design(ctx));
      const intervals = measured.map((c) => widthInterval(c));
      const t = testLawExponents(intervals, def.law);
      const metrics = {
        ...exponentMetrics(t, def.law, intervals),
        law: def.law.formula,
        ...epochMetrics(measured),
        eta: WIDTH_SETTINGS.eta, seeds: WIDTH_SETTINGS.seeds, mMax: WIDTH_SETTINGS.mMax,
        gammaReading: 'rkhs (upper end of the certified bracket)',
      };
      const evidence = exponentEvidence(t, def.law, intervals);
      const counterexample =
        t.verdict === 'refuted'
          ? {
              seed: ctx.seed,
              path: 'aggregate',
              values: { b: t.b?.estimate ?? null, bLower: t.b?.lower ?? null, beta: def.law.exponents.invGamma, c: t.c?.estimate ?? null, cLower: t.c?.lower ?? null, kappa: def.law.exponents.invEps, cells: intervals.length },
              replay: `npx ntk-verify verify --seed ${ctx.seed}${ctx.quick ? ' --quick' : ''} --only ${def.id}`,
            }
          : undefined;
      // Every cell is fitted (T-limited ones as m* ∈ (0, m*]), so the cell table shows each as counted.
      const cells = measured.map((c) => {
        const { excluded: _left, ...cell } = toWidthCell(c);
        return { ...cell, applicable: true };
      });
      return { verdict: t.verdict, evidence, metrics, counterexample, cells };
    },
  });
}
