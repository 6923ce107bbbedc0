/**
 * The theorem catalog: the true claims in the order of the README's claim table, then the mutants (deliberately
 * false claims that must be refuted, for the report's Power table). Each claim lives in its own file under
 * properties/claims/ or properties/mutants/ with its Claim/Source/Confidence header.
 */
import { InputError } from '../src/errors.js';
import type { Claim } from '../src/verify/types.js';
import { ntkConcentrationClaim } from './claims/ntkConcentration.js';
import { marginFiniteWidthClaim } from './claims/marginFiniteWidth.js';
import { initOutputClaim } from './claims/initOutput.js';
import { gradientBoundClaim } from './claims/gradientBound.js';
import { klQuadraticClaim } from './claims/klQuadratic.js';
import { lazyTrainingClaim } from './claims/lazyTraining.js';
import { lazyRadiusClaim } from './claims/lazyRadius.js';
import { widthSoftClaim } from './claims/widthSoft.js';
import { widthHardClaim } from './claims/widthHard.js';
import { scalingSlopesClaim } from './claims/scalingSlopes.js';
import { separationClaim } from './claims/separation.js';
import { phaseDiagramClaim } from './claims/phaseDiagram.js';
import { klSixteenthMutant } from './mutants/klSixteenth.js';
import { kernelPiPlusThetaMutant } from './mutants/kernelPiPlusTheta.js';
import { hoeffdingQuarterMutant } from './mutants/hoeffdingQuarter.js';
import { oneNeuronMutant } from './mutants/oneNeuron.js';
import { hardNeverMoreMutant } from './mutants/hardNeverMore.js';
import { epsFreeWidthMutant } from './mutants/epsFreeWidth.js';
import { kernelSecondLayerMutant } from './mutants/kernelSecondLayer.js';
import { kernelChordAngleMutant } from './mutants/kernelChordAngle.js';
import { kernelArcCosine0Mutant } from './mutants/kernelArcCosine0.js';
import { softMarginFreeLawMutant } from './mutants/softMarginFreeLaw.js';
import { hardMarginFreeLawMutant } from './mutants/hardMarginFreeLaw.js';

/** True claims, in the order. */
export const trueClaims: Claim[] = [
  ntkConcentrationClaim,
  marginFiniteWidthClaim,
  initOutputClaim,
  gradientBoundClaim,
  klQuadraticClaim,
  lazyTrainingClaim,
  lazyRadiusClaim,
  widthSoftClaim,
  widthHardClaim,
  scalingSlopesClaim,
  separationClaim,
  phaseDiagramClaim,
];

/** Mutants (mutant: true), each expected to be refuted with a shrunk counterexample. */
export const mutants: Claim[] = [
  klSixteenthMutant,
  kernelPiPlusThetaMutant,
  hoeffdingQuarterMutant,
  oneNeuronMutant,
  hardNeverMoreMutant,
  epsFreeWidthMutant,
  softMarginFreeLawMutant,
  hardMarginFreeLawMutant,
  kernelSecondLayerMutant,
  kernelChordAngleMutant,
  kernelArcCosine0Mutant,
];

/** The whole catalog: true claims, then mutants. */
export const claims: Claim[] = [...trueClaims, ...mutants];

/**
 * The claim with this id.
 * @throws InputError('--claim') listing the known ids when there is none.
 */
export function findClaim(id: string): Claim {
  const c = claims.find((x) => x.id === id);
  if (!c) {
    throw new InputError('--claim', `unknown claim '${id}' in the built-in catalog (a claim of your own module needs --catalog <module>); built-in: ${claims.map((x) => x.id).join(', ')}`);
  }
  return c;
}
