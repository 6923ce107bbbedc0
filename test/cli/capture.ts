/** Run the CLI in-process with captured output (no subprocess: fast). */
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), env: { ...env }, stderrIsTTY: false, exitCode: 0 };
  const code = await main(argv, io);
  return { code, out, err };
}
