/**
 * The CLI's side of the world, injectable so tests can run commands in-process: output streams, the
 * environment, and the exit code the command decided (0 ok, 1 refuted/failed, 2 usage; see main.ts).
 */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Is stderr an interactive terminal (progress bar) — false in tests and pipes. */
  stderrIsTTY: boolean;
  /** Set by a command whose outcome is not plain success. */
  exitCode: number;
}

/** The real process's IO. */
export function processIO(): CliIO {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    exitCode: 0,
  };
}

/** JSON for stdout: typed arrays as arrays, two-space indent, trailing newline (NaN/±∞ → null, as JSON does). */
export function printJson(io: CliIO, value: unknown): void {
  io.out(
    JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v), 2) + '\n',
  );
}
