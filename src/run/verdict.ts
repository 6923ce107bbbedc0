/**
 * From verdicts to the run's outcome. A run passes (exit code 0) when every true claim holds — verified, or
 * not-applicable at this scale — and every mutant (a deliberately false claim) is refuted. Anything else is
 * exit code 1, with one line per offending claim:
 *   - a true claim refuted (the theory, or our reading of it, failed),
 *   - a true claim inconclusive (not enough evidence: shown, never counted as a pass),
 *   - a mutant not refuted (the suite lost the power to catch that error, so its "verified"s mean less),
 *   - a claim whose run threw (recorded as inconclusive with the error).
 * Decision [INFERRED, ours]: a surviving mutant fails the run, since a suite that cannot refute a known
 * false claim cannot be trusted on the true ones. Usage errors are exit code 2 (src/cli/main.ts).
 */
import type { ClaimRecord, Summary } from './schema.js';

/** Does this record meet its expectation (true claim holds / mutant refuted)? */
export function meetsExpectation(r: Pick<ClaimRecord, 'mutant' | 'verdict'>): boolean {
  return r.mutant ? r.verdict === 'refuted' : r.verdict === 'verified' || r.verdict === 'not-applicable';
}

/** Why a record breaks the exit-0 rule, or null if it does not. */
export function problemOf(r: ClaimRecord): string | null {
  if (meetsExpectation(r)) return null;
  if (r.error) return `${r.id}: run failed (${r.error})`;
  if (r.mutant) return `${r.id}: mutant survived (verdict ${r.verdict}; expected refuted)`;
  return `${r.id}: true claim ${r.verdict}`;
}

/** Verdict counts of a list of true claims. */
function verdictCounts(records: readonly ClaimRecord[]) {
  const n = (v: ClaimRecord['verdict']) => records.filter((r) => r.verdict === v).length;
  return { claims: records.length, verified: n('verified'), notApplicable: n('not-applicable'), inconclusive: n('inconclusive'), refuted: n('refuted') };
}

/**
 * Counts, problems and exit code over a list of claim records. True claims are counted by verdict and by kind:
 * a not-applicable claim (e.g. a width out of reach) passes the run but is never counted as verified.
 */
export function summarize(records: readonly ClaimRecord[]): Summary {
  const count = (v: ClaimRecord['verdict']) => records.filter((r) => r.verdict === v).length;
  const trueClaims = records.filter((r) => !r.mutant);
  const t = verdictCounts(trueClaims);
  const kinds = [...new Set(trueClaims.map((r) => r.kind ?? 'unlabelled'))];
  const byKind = Object.fromEntries(kinds.map((k) => [k, verdictCounts(trueClaims.filter((r) => (r.kind ?? 'unlabelled') === k))]));
  const mutants = records.filter((r) => r.mutant);
  const problems = records.map(problemOf).filter((p): p is string => p !== null);
  return {
    verified: count('verified'),
    refuted: count('refuted'),
    inconclusive: count('inconclusive'),
    notApplicable: count('not-applicable'),
    trueClaims: trueClaims.length,
    trueClaimsVerified: t.verified,
    trueClaimsNotApplicable: t.notApplicable,
    trueClaimsInconclusive: t.inconclusive,
    trueClaimsRefuted: t.refuted,
    byKind,
    mutants: mutants.length,
    mutantsRefuted: mutants.filter(meetsExpectation).length,
    problems,
    exitCode: problems.length === 0 ? 0 : 1,
  };
}
