/** Test helper: interrupting a verify run between work items, as a kill would. */
import type { ProgressSink } from '../../src/run/progress.js';

/** A progress sink that throws (outside any claim) when the k-th item starts: the run stops there. */
export function killAtItem(k: number): ProgressSink {
  let seen = 0;
  return {
    start() {},
    itemStart() {
      if (++seen === k) throw new Error('simulated kill');
    },
    inner() {},
    itemDone() {},
    stop() {},
  };
}
