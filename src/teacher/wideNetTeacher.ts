/**
 * The wide-network teacher: a student-architecture network f(x; W) = m_T^{-1/2} Σ_s a_s relu(<w_s, x>) of
 * large width m_T, trained by plain full-batch GD on the hard labels (logistic loss), whose logits give the soft
 * labels p_i = σ(f(x_i; W_T)/τ). This is the teacher used by the paper-style reproduction (a trained network,
 * as in practical distillation); the kernel-limit teacher (ntkTeacher.ts) is the default of the suite.
 * Source: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract, teacher/student distillation [RECALLED];
 * width, epochs, step and temperature below are ours [INFERRED], stated in reports via `summary`.
 */
import type { Dataset } from '../data/dataset.js';
import { InputError, ShapeError } from '../errors.js';
import { forward, initNet } from '../model/twoLayer.js';
import { hardTargets } from '../model/losses.js';
import { trainFirstLayer } from '../train/loop.js';
import type { TrainKernel } from '../train/kernel.js';
import { DEFAULT_ETA, DEFAULT_T } from '../train/defaults.js';
import { softLabels } from './softLabels.js';
import type { Teacher } from './teacher.js';

/**
 * Default teacher width m_T = 512 [INFERRED]: at or above every m* we measured at the default budget on
 * synthetic n ≤ 100 sets (soft ≤ 45, hard ≤ 250), and the m* search cap, while one teacher fit stays around a
 * second at n = 100, d = 20.
 */
export const WIDE_TEACHER_M = 512;
/** Default teacher epochs T_T = DEFAULT_T [INFERRED]: the student default, so teacher and student see equal budgets. */
export const WIDE_TEACHER_T = DEFAULT_T;
/** Default teacher step η_T = DEFAULT_ETA [INFERRED]: the student default (stable, see src/train/defaults.ts). */
export const WIDE_TEACHER_ETA = DEFAULT_ETA;
/** Default temperature τ = 1 [INFERRED]: the teacher's own probabilities σ(f). */
export const WIDE_TEACHER_TAU = 1;
/** Default teacher init seed [INFERRED]: fixed, so the teacher is part of the dataset, not of a trial. */
export const WIDE_TEACHER_SEED = 'wide-net-teacher';

export interface WideNetTeacherOptions {
  /** Teacher width m_T. @defaultValue WIDE_TEACHER_M (512) */
  m?: number;
  /** Teacher epochs. @defaultValue WIDE_TEACHER_T (= DEFAULT_T, 300) */
  T?: number;
  /** Teacher step size. @defaultValue WIDE_TEACHER_ETA (= DEFAULT_ETA, 4) */
  eta?: number;
  /** Temperature τ. @defaultValue WIDE_TEACHER_TAU (1) */
  tau?: number;
  /** Teacher init seed. @defaultValue WIDE_TEACHER_SEED */
  seed?: number | string;
  /** Loss-and-gradient implementation for the teacher's training. @defaultValue referenceKernel */
  kernel?: TrainKernel;
}

/**
 * Train the wide teacher on ds's hard labels and return its logits and soft labels.
 * @param ds  training split (n×d row-major X, y ∈ {±1}); ds.p is ignored (the teacher makes p).
 * @throws    InputError('teacher.m' | 'teacher.T' | 'teacher.eta') for bad options (from the checks below),
 *            InputError('tau') from softLabels, ShapeError from the model on a bad X.
 */
export function wideNetTeacher(ds: Dataset, opts: WideNetTeacherOptions = {}): Teacher {
  const {
    m = WIDE_TEACHER_M,
    T = WIDE_TEACHER_T,
    eta = WIDE_TEACHER_ETA,
    tau = WIDE_TEACHER_TAU,
    seed = WIDE_TEACHER_SEED,
    kernel,
  } = opts;
  if (!Number.isInteger(m) || m < 1) throw new InputError('teacher.m', `wideNetTeacher: expected a positive integer width, got ${m}`);
  if (!Number.isInteger(T) || T < 0) throw new InputError('teacher.T', `wideNetTeacher: expected a non-negative integer, got ${T}`);
  if (!(eta > 0) || !Number.isFinite(eta)) throw new InputError('teacher.eta', `wideNetTeacher: expected a positive finite step, got ${eta}`);
  const net = initNet(m, ds.d, seed);
  const result = trainFirstLayer(net, ds.X, ds.n, hardTargets(ds.y), { eta, T, kernel });
  const logits = result.f;
  const p = softLabels(logits, tau);
  const d = ds.d;
  return {
    kind: 'wide-net',
    tau,
    logits,
    p,
    predict(Xt: Float64Array, nt: number): Float64Array {
      if (Xt.length !== nt * d) throw new ShapeError(`wideNetTeacher.predict: Xt has length ${Xt.length}, expected nt·d = ${nt}·${d}`);
      return forward(net, Xt, nt);
    },
    summary: { kind: 'wide-net', m, T, eta, tau, seed: String(seed), teacherFinalLoss: result.finalLoss },
  };
}
