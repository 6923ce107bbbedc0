/**
 * Child-process probe for the bench's memory figure: `tsx bench/memProbe.ts n d m T` trains once with
 * trainFast (float64) in a fresh process and prints JSON with the resident-set size before training, the
 * process's peak RSS (resourceUsage().maxRSS) after it, and the WebAssembly linear memory in use. A fresh
 * process keeps the peak from being inflated by earlier bench work.
 */
import { initNet } from '../src/model/twoLayer.js';
import { trainFast } from '../src/train/fast/trainFast.js';
import { loadKernel } from '../src/train/fast/wasmModule.js';
import { benchProblem } from './problems.js';

const [n, d, m, T] = process.argv.slice(2).map(Number);
const prob = benchProblem({ n, d, m, T }, 'hard');
const net = initNet(m, d, 1);
loadKernel();
const rssBefore = process.memoryUsage().rss;
trainFast(net, prob.X, n, prob.p, { T });
const wasmBytes = loadKernel()?.exports.memory.buffer.byteLength ?? 0;
process.stdout.write(
  JSON.stringify({ rssBefore, maxRss: process.resourceUsage().maxRSS * 1024, wasmBytes, floats: n * m + 2 * n * d + 3 * m * d }),
);
