/**
 * The teacher behind the soft-label regime: a fixed predictor g_T whose logits on the training inputs give the
 * soft labels p_i = σ(g_T(x_i)/τ). Two kinds:
 *   'ntk'      the kernel-limit teacher, the NTK max-margin predictor (src/teacher/ntkTeacher.ts) — the default;
 *   'wide-net' a wide student-architecture network trained on the hard labels (src/teacher/wideNetTeacher.ts).
 * Source: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract, soft labels from a teacher [RECALLED]; which
 * teacher, its scale and its temperature are our reading [INFERRED] and are stated in every report.
 * This file holds the interface only; src/teacher/makeTeacher.ts picks a kind from options.
 */
export interface Teacher {
  readonly kind: 'ntk' | 'wide-net';
  /** Temperature τ > 0 in p = σ(g_T/τ). */
  readonly tau: number;
  /** g_T(x_i) on the n training inputs. */
  readonly logits: Float64Array;
  /** Soft labels p_i = σ(g_T(x_i)/τ) ∈ (0, 1) on the training inputs. */
  readonly p: Float64Array;
  /** g_T on new inputs Xt (nt×d row-major, same d). @throws ShapeError on a length mismatch. */
  predict(Xt: Float64Array, nt: number): Float64Array;
  /** Everything a report must state about this teacher (kind, options, margin used, …). */
  readonly summary: Record<string, number | string | boolean>;
}
