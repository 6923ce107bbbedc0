/**
 * Worker-thread module of the paper sweep (src/paper/pool.ts): runs each cell task with {@link runCell} in the
 * suite's worker pool (src/train/pool/serve.ts), reporting students trained as progress. Errors keep their class
 * (InputError keeps its field) so the main thread can rethrow them as usage errors.
 */
import { serveTasks } from '../train/pool/serve.js';
import { runCell, type CellRecord } from './cell.js';
import type { CellTask } from './pool.js';

serveTasks<CellTask, CellRecord>((t, progress) => runCell(t.config, t.pair, t.sigma, t.seed, t.runSeed, progress));
