/**
 * The teacher behind the soft-label regime: a fixed predictor g_T whose logits on the training inputs give the
 * soft labels p_i = σ(g_T(x_i)/τ). Two kinds:
 *   'ntk'      the kernel-limit teacher, the NTK max-margin predictor (src/teacher/ntkTeacher.ts) — the default;
 *   'wide-net' a wide student-architecture network trained on the hard labels (src/teacher/wideNetTeacher.ts).
 * Source: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract, soft labels from a teacher [RECALLED]; which
 * teacher, its scale and its temperature are our reading [INFERRED] and are stated in every report.
 */
import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { ntkTeacher, type NtkTeacherOptions } from './ntkTeacher.js';
import { wideNetTeacher, type WideNetTeacherOptions } from './wideNetTeacher.js';

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

/** Options for {@link makeTeacher}: a discriminated union on `kind` (absent = 'ntk'). */
export type TeacherOptions = ({ kind?: 'ntk' } & NtkTeacherOptions) | ({ kind: 'wide-net' } & WideNetTeacherOptions);

/**
 * Build the teacher for ds (training split) with the given options.
 * @throws InputError('teacher.kind') for an unknown kind; otherwise whatever the chosen teacher throws.
 */
export function makeTeacher(ds: Dataset, opts: TeacherOptions = {}): Teacher {
  const kind = opts.kind ?? 'ntk';
  if (kind === 'ntk') return ntkTeacher(ds, opts as NtkTeacherOptions);
  if (kind === 'wide-net') return wideNetTeacher(ds, opts as WideNetTeacherOptions);
  throw new InputError('teacher.kind', `makeTeacher: expected 'ntk' or 'wide-net', got ${String(kind)}`);
}

export { softLabels } from './softLabels.js';
