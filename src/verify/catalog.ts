/**
 * The theorem catalog (issue 4): the true claims in the order of the issue, then the mutants (deliberately false
 * claims that must be refuted, for the report's Power table). Each claim lives in its own file under
 * properties/claims/ or properties/mutants/ with its Claim/Source/Confidence header.
 */
import { InputError } from '../errors.js';
import type { Claim } from './types.js';
import { ntkConcentrationClaim } from '../../properties/claims/ntkConcentration.js';
import { marginFiniteWidthClaim } from '../../properties/claims/marginFiniteWidth.js';
import { initOutputClaim } from '../../properties/claims/initOutput.js';
import { gradientBoundClaim } from '../../properties/claims/gradientBound.js';
import { klQuadraticClaim } from '../../properties/claims/klQuadratic.js';
import { lazyTrainingClaim } from '../../properties/claims/lazyTraining.js';
import { lazyRadiusClaim } from '../../properties/claims/lazyRadius.js';
import { widthSoftClaim } from '../../properties/claims/widthSoft.js';
import { widthHardClaim } from '../../properties/claims/widthHard.js';
import { scalingSlopesClaim } from '../../properties/claims/scalingSlopes.js';
import { separationClaim } from '../../properties/claims/separation.js';
import { klSixteenthMutant } from '../../properties/mutants/klSixteenth.js';
import { kernelPiPlusThetaMutant } from '../../properties/mutants/kernelPiPlusTheta.js';
import { hoeffdingQuarterMutant } from '../../properties/mutants/hoeffdingQuarter.js';
import { oneNeuronMutant } from '../../properties/mutants/oneNeuron.js';
import { hardNeverMoreMutant } from '../../properties/mutants/hardNeverMore.js';
import { epsFreeWidthMutant } from '../../properties/mutants/epsFreeWidth.js';

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
];

/** Mutants (mutant: true), each expected to be refuted with a shrunk counterexample. */
export const mutants: Claim[] = [
  klSixteenthMutant,
  kernelPiPlusThetaMutant,
  hoeffdingQuarterMutant,
  oneNeuronMutant,
  hardNeverMoreMutant,
  epsFreeWidthMutant,
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
