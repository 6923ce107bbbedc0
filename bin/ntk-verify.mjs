#!/usr/bin/env node
/**
 * `ntk-verify` executable (package.json "bin"): runs the TypeScript CLI src/cli/main.ts through tsx (a runtime
 * dependency; no build step) in a child Node process, forwarding arguments, stdio, signals and the exit code.
 * tsx is resolved from this package, so the command works from any working directory.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');

const child = spawn(process.execPath, ['--import', tsx, main, ...process.argv.slice(2)], { stdio: 'inherit' });

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (!child.killed) child.kill(sig);
  });
}

child.on('error', (e) => {
  process.stderr.write(`ntk-verify: cannot start node: ${e.message}\n`);
  process.exit(3);
});

child.on('exit', (code, signal) => {
  if (signal) {
    // re-raise so the caller sees the same signal (e.g. 130 for Ctrl-C in a shell)
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 3);
});
