/**
 * `width` shows live progress on stderr: under a pipe or CI one plain line per decided width (and the loss-floor
 * probe), each with the epochs every seed ran; stdout stays the JSON report. Oracle: the report's own perWidth.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthetic } from '../../src/data/synthetic.js';
import { eta } from '../../src/run/progress.js';
import { runCli } from './capture.js';

describe('width progress', () => {
  it('prints one line per decided width as it happens, matching the report', async () => {
    const ds = synthetic({ kind: 'xor', n: 12, d: 3, seed: 'wp' });
    const file = join(mkdtempSync(join(tmpdir(), 'wp-')), 'd.json');
    writeFileSync(file, JSON.stringify({ x: Array.from({ length: ds.n }, (_, i) => Array.from(ds.X.subarray(i * 3, i * 3 + 3))), y: Array.from(ds.y) }));
    const r = await runCli(['width', '--data', file, '--regime', 'hard', '--eps', '0.3', '--epochs', '50', '--m-max', '16', '--workers', '0']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { perWidth: { m: number; success: boolean; epochsRun: number[] }[] };
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toMatch(/^width: loss floor at m = 64: (not )?T-limited; epochs run per seed /);
    expect(lines.slice(1)).toHaveLength(report.perWidth.length);
    // lines come in plan order; the report lists widths ascending
    const byM = new Map(report.perWidth.map((w) => [w.m, w]));
    for (const line of lines.slice(1)) {
      const [, m, verdict, epochs] = /^width: m = (\d+): (reaches|misses) ε; epochs run per seed ([^;]+);/.exec(line) ?? [];
      const w = byM.get(Number(m))!;
      expect(verdict === 'reaches').toBe(w.success);
      expect(epochs).toBe(w.epochsRun.map((e) => (e === 0 ? '—' : String(e))).join(', '));
    }
  });

  it('eta: time left from the rate so far (oracle: hand values); nothing before the first step or after the last', () => {
    expect(eta(0, 2, 10, 4000)).toBe(', about 16 s left');
    expect(eta(0, 5, 10, 3000)).toBe(', about 3.0 s left');
    expect(eta(0, 0, 10, 3000)).toBe('');
    expect(eta(0, 10, 10, 3000)).toBe('');
  });
});
