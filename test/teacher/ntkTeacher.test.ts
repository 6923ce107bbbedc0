/**
 * Tests for src/teacher/ntkTeacher.ts. Oracles: the two-point closed form (x₁, x₂ unit at angle θ, y = (+1, −1):
 * by symmetry q = (½, ½), μ = γ² = (k − c)/2 with k = ½, c = cos θ (π − θ)/(2π), so g_T(x₁) = +scale,
 * g_T(x₂) = −scale and g_T(x) = scale·(K(x, x₁) − K(x, x₂))/(k − c) anywhere); the KKT property
 * y_i g_T(x_i) ≥ scale on separable data with equality somewhere; p = σ(g_T/τ) depends on scale/τ only.
 */
import { describe, expect, it } from 'vitest';
import { ntkTeacher } from '../../src/teacher/ntkTeacher.js';
import { makeTeacher } from '../../src/teacher/makeTeacher.js';
import { softLabels } from '../../src/teacher/softLabels.js';
import { fromRows } from '../../src/data/dataset.js';
import { sigmoid } from '../../src/model/losses.js';
import { InputError, PreconditionError } from '../../src/errors.js';
import { linearSphere, randomLabels, xorSphere } from '../train/fixtures.js';
import { SUM_ABS } from '../train/tolerances.js';

describe('ntkTeacher', () => {
  it('two points: g_T = ±scale on the data and the closed form at a third point', () => {
    const theta = 1.1;
    const ds = fromRows([[1, 0], [Math.cos(theta), Math.sin(theta)]], [1, -1]);
    const scale = 2.5;
    const t = ntkTeacher(ds, { scale });
    expect(Math.abs(t.logits[0] - scale)).toBeLessThan(1e-9);
    expect(Math.abs(t.logits[1] + scale)).toBeLessThan(1e-9);
    // Third point at angle φ from x₁ (and φ' = θ − φ from x₂ when between them): hand kernel values.
    const phi = 0.4;
    const k = 0.5;
    const c = (Math.cos(theta) * (Math.PI - theta)) / (2 * Math.PI);
    const K1 = (Math.cos(phi) * (Math.PI - phi)) / (2 * Math.PI);
    const K2 = (Math.cos(theta - phi) * (Math.PI - (theta - phi))) / (2 * Math.PI);
    const g = t.predict(Float64Array.from([Math.cos(phi), Math.sin(phi)]), 1)[0];
    expect(Math.abs(g - (scale * (K1 - K2)) / (k - c))).toBeLessThan(1e-9);
    expect(t.summary.gammaLower as number).toBeLessThanOrEqual(Math.sqrt((k - c) / 2) * (1 + 1e-12));
  });

  it('reproduces the labels: y_i g_T(x_i) ≥ scale for all i, with equality on a support vector', () => {
    for (const ds of [linearSphere(40, 6, 0.1, 't1'), xorSphere(40, 6, 't2'), randomLabels(40, 6, 't3')]) {
      const t = ntkTeacher(ds);
      let minMargin = Infinity;
      for (let i = 0; i < ds.n; i++) minMargin = Math.min(minMargin, ds.y[i] * t.logits[i]);
      expect(minMargin).toBeGreaterThanOrEqual(1 - SUM_ABS);
      expect(minMargin).toBeLessThanOrEqual(1 + SUM_ABS);
      // predict on the training inputs recomputes the same logits by another route (cross-kernel).
      const again = t.predict(ds.X, ds.n);
      for (let i = 0; i < ds.n; i++) expect(Math.abs(again[i] - t.logits[i])).toBeLessThan(SUM_ABS * 100);
      // p = σ(g/τ) with τ = 1, and informative: strictly between 0 and 1, all on the correct side.
      for (let i = 0; i < ds.n; i++) {
        expect(t.p[i]).toBe(sigmoid(t.logits[i]));
        expect(ds.y[i] * (t.p[i] - 0.5)).toBeGreaterThan(0);
      }
    }
  });

  it('soft labels depend on scale/τ only', () => {
    const ds = linearSphere(20, 4, 0.1, 't4');
    const a = ntkTeacher(ds, { scale: 1, tau: 1 });
    const b = ntkTeacher(ds, { scale: 3, tau: 3 });
    for (let i = 0; i < ds.n; i++) expect(Math.abs(a.p[i] - b.p[i])).toBeLessThan(1e-12);
  });

  it('throws PreconditionError when the data are not NTK-separable, InputError for bad scale/τ', () => {
    const dup = fromRows([[1, 0], [1, 0], [0, 1]], [1, -1, 1]);
    expect(() => ntkTeacher(dup)).toThrow(PreconditionError);
    const ds = linearSphere(6, 3, 0, 't5');
    expect(() => ntkTeacher(ds, { scale: 0 })).toThrow(/teacher\.scale/);
    expect(() => ntkTeacher(ds, { tau: -1 })).toThrow(InputError);
  });
});

describe('makeTeacher / softLabels', () => {
  it('dispatches on kind and rejects unknown kinds', () => {
    const ds = linearSphere(10, 3, 0.1, 't6');
    expect(makeTeacher(ds).kind).toBe('ntk');
    expect(() => makeTeacher(ds, { kind: 'oracle' } as never)).toThrow(/teacher\.kind/);
  });
  it('softLabels: σ(0) = ½, σ(±∞-ish) finite, NaN logits rejected', () => {
    expect(Array.from(softLabels(Float64Array.from([0, 1e3, -1e3]), 1))).toEqual([0.5, 1, 0]);
    expect(() => softLabels(Float64Array.from([NaN]), 1)).toThrow(/logits\[0\]/);
  });
});
