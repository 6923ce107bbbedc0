/**
 * The two training regimes of the theory: 'soft' trains on a teacher's soft labels p ∈ (0, 1)^n, 'hard' on the
 * labels y ∈ {−1, +1}^n (p = (1 + y)/2). Both minimise the same loss with the same loop; they differ only in the
 * targets and the projection radius. Source: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract [RECALLED].
 */
export type Regime = 'soft' | 'hard';
