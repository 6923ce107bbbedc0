/**
 * Tests for src/train/fast/features.ts and the fallbacks of src/train/fast/wasmModule.ts, in child processes (detection is
 * once per process): NTK_WASM=simd must select the plain-SIMD build (still within the float64 rounding bound of
 * referenceKernel) and NTK_WASM=off the TypeScript reference (bit-identical to trainFirstLayer), each with exactly
 * one notice line on stderr; the default run must pick relaxed SIMD silently. Oracle: referenceKernel and
 * the rounding bounds of test/train/fast/roundingBounds.ts, checked inside test/train/fast/fixtures/fallbackProbe.ts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const probe = fileURLToPath(new URL('./fixtures/fallbackProbe.ts', import.meta.url));

function run(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', probe], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const notices = r.stderr.split('\n').filter((l) => l.startsWith('ntk-verify:'));
  return { out: JSON.parse(r.stdout) as { variant: string | null; kernelOk: boolean | null; sameAsReference: boolean }, notices };
}

describe('WebAssembly feature detection and fallbacks', () => {
  it('default: relaxed SIMD, no notice', () => {
    const { out, notices } = run({ NTK_WASM: '' });
    expect(out.variant).toBe('relaxed-simd');
    expect(out.kernelOk).toBe(true);
    expect(notices).toEqual([]);
  });

  it('NTK_WASM=simd: plain-SIMD build, same numbers within the float64 bound, one notice line', () => {
    const { out, notices } = run({ NTK_WASM: 'simd' });
    expect(out.variant).toBe('simd');
    expect(out.kernelOk).toBe(true);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/relaxed-SIMD FMA disabled by NTK_WASM=simd/);
  });

  it('NTK_WASM=off: TypeScript reference loop (bit-identical), one notice line', () => {
    const { out, notices } = run({ NTK_WASM: 'off' });
    expect(out.variant).toBeNull();
    expect(out.sameAsReference).toBe(true);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/TypeScript reference kernel/);
  });
});
