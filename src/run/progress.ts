/**
 * Progress of a verify run, three ways: a cli-progress bar on an interactive terminal; plain lines
 * ("[3/12] ntk-concentration: verified (2.4 s)") when CI=true or stderr is not a TTY; nothing with --quiet
 * (only the final summary is printed). Progress goes to stderr so stdout stays the summary.
 */
import cliProgress from 'cli-progress';

export interface ProgressSink {
  /** @param resume  the command that resumes this run if it is interrupted. */
  start(total: number, runId: string, resume: string): void;
  itemStart(k: number, id: string): void;
  /** A claim's own progress hook (RunContext.progress). */
  inner(done: number, total: number, label: string): void;
  itemDone(k: number, id: string, verdict: string, seconds: number, reused: boolean): void;
  stop(): void;
}

export type ProgressMode = 'bar' | 'lines' | 'quiet';

/** The mode for this process: quiet wins; CI=true or a non-TTY stream gives plain lines. */
export function progressMode(quiet: boolean, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): ProgressMode {
  if (quiet) return 'quiet';
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return !ci && isTTY ? 'bar' : 'lines';
}

/** Minimum interval between plain-line inner progress messages, seconds (keeps CI logs short). */
export const LINE_INNER_INTERVAL_S = 10;

export function makeProgress(mode: ProgressMode, stream: NodeJS.WritableStream = process.stderr): ProgressSink {
  if (mode === 'quiet') {
    return { start() {}, itemStart() {}, inner() {}, itemDone() {}, stop() {} };
  }
  if (mode === 'lines') {
    let total = 0;
    let lastInner = 0;
    let itemT0 = 0;
    let current = '';
    return {
      start(t, runId, resume) {
        total = t;
        stream.write(`ntk-verify: run ${runId}, ${t} work item${t === 1 ? '' : 's'} (if interrupted: ${resume})\n`);
      },
      itemStart(_k, id) {
        current = id;
        lastInner = itemT0 = performance.now();
      },
      inner(done, t, label) {
        const now = performance.now();
        if (now - lastInner < LINE_INNER_INTERVAL_S * 1000) return;
        lastInner = now;
        stream.write(`  ${current}: ${done}/${t} ${label}${eta(itemT0, done, t)}\n`);
      },
      itemDone(k, id, verdict, seconds, reused) {
        const how = reused ? 'recorded earlier' : `${seconds.toFixed(1)} s`;
        stream.write(`[${k + 1}/${total}] ${id}: ${verdict} (${how})\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {value}/{total} | {item} {detail}',
      hideCursor: true,
      clearOnComplete: false,
      stream,
    },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  let itemT0 = 0;
  return {
    start(t, runId, resume) {
      stream.write(`ntk-verify: run ${runId} (if interrupted: ${resume})\n`);
      bar.start(t, 0, { item: '', detail: '' });
    },
    itemStart(_k, id) {
      current = id;
      itemT0 = performance.now();
      bar.update({ item: id, detail: '' });
    },
    inner(done, t, label) {
      bar.update({ item: current, detail: `(${done}/${t} ${label}${eta(itemT0, done, t)})` });
    },
    itemDone(k, id, verdict) {
      bar.update(k + 1, { item: id, detail: verdict });
    },
    stop() {
      bar.stop();
    },
  };
}

/** ", about N s left" from the elapsed time of an item's first `done` of `total` steps (rate assumed steady); "" before the first. */
export function eta(t0: number, done: number, total: number, now = performance.now()): string {
  if (!(done > 0) || done >= total) return '';
  const left = (((now - t0) / 1000) * (total - done)) / done;
  return `, about ${left < 10 ? left.toFixed(1) : Math.round(left)} s left`;
}
