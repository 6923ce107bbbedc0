/**
 * Eigenvalues (only) of a real symmetric matrix: Householder tridiagonalisation followed by the implicit
 * QL algorithm. A port of JAMA's tred2/tql2 (as in ml-matrix src/dc/evd.js [VERIFIED, read]) with the
 * eigenvector accumulation removed (EISPACK tred1/tql1 in effect; Bowdler, Martin, Reinsch & Wilkinson 1968
 * [RECALLED]), on a row-major Float64Array: ≈ (4/3)n³ flops instead of ≈ 9n³ with vectors and Matrix get/set,
 * so n = 1000 takes seconds, not minutes. [CHECKED] against ml-matrix EVD in test/linalg/symEigenvalues.test.ts.
 */
import { ShapeError } from '../errors.js';

/**
 * @param A  n×n symmetric matrix, row-major (only the lower triangle is read; not modified).
 * @returns  the n eigenvalues in ascending order.
 * @throws   ShapeError if A.length ≠ n².
 */
export function symEigenvalues(A: Float64Array, n: number): Float64Array {
  if (A.length !== n * n) throw new ShapeError(`symEigenvalues: A has length ${A.length}, expected n·n = ${n}·${n}`);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n === 0) return d;
  // V holds the working copy; JAMA reads V(j,k) with k ≥ j from the lower triangle mirrored, so copy it whole
  // and mirror the lower triangle into the upper one.
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      V[i * n + j] = A[i * n + j];
      V[j * n + i] = A[i * n + j];
    }
  }
  // --- tred2, phase 1 (Householder reduction); V(j,k) → V[j*n + k]
  for (let j = 0; j < n; j++) d[j] = V[j * n + n - 1];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[j * n + i - 1];
        V[j * n + i] = 0;
        V[i * n + j] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[i * n + j] = f;
        g = e[j] + V[j * n + j] * f;
        const rj = j * n;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[rj + k] * d[k];
          e[k] += V[rj + k] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        const rj = j * n;
        for (let k = j; k <= i - 1; k++) V[rj + k] -= f * e[k] + g * d[k];
        d[j] = V[rj + i - 1];
        V[rj + i] = 0;
      }
    }
    d[i] = h;
  }
  // phase 2 of tred2 only accumulates the transformation; the tridiagonal's diagonal is what it leaves in
  // V(i,i) (JAMA copies V(i,i) into d at the end), the off-diagonal is already in e.
  for (let j = 0; j < n; j++) d[j] = V[j * n + j];
  e[0] = 0;
  // --- tql2 without the eigenvector rotations
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      do {
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  d.sort();
  return d;
}
