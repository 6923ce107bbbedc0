/** One bench row: the throughput figures of one problem size and regime, by wall and CPU clock. */
import type { Regime } from '../src/train/regime.js';
import type { Timed } from './training.js';

/** Medians in M n·m·T/s for one size and regime, by one clock. */
export interface Figures {
  ts: number;
  f64: number;
  f32: number;
  pool1?: number;
  pool2?: number;
  torch64?: number;
  torch32?: number;
}

export interface Row {
  n: number;
  d: number;
  m: number;
  T: number;
  regime: Regime;
  /** Per wall-clock second (the measure). */
  wall: Figures;
  /** Per CPU second of the measured process (robust when other processes share the cores). */
  cpu: Figures;
  /** Cores obtained (CPU s / wall s) by the 1- and 2-worker pool runs (medians). */
  poolCores?: { pool1: number; pool2: number };
  /** All samples, for the JSON. */
  samples: Record<string, Timed[]>;
}
