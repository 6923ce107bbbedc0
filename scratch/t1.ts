const n = 100, T = 72049; const K = new Float64Array(n*n).map(() => Math.random()*0.01); const f = new Float64Array(n), g = new Float64Array(n).fill(0.001);
let t0 = Date.now();
for (let t = 0; t < T; t++) for (let i = 0; i < n; i++) { let s = 0; const row = i * n; for (let j = 0; j < n; j++) s += K[row + j] * g[j]; f[i] -= 0.1 * s; }
console.log('matvec', (Date.now() - t0) / 1000, f[0]);
