// Worker bootstrap for src/train/pool/workerPool.ts: a worker thread does not inherit tsx's TypeScript loader, so
// this plain-ESM shim registers it (tsx/esm/api, the documented programmatic API) and then loads the worker
// module named by the pool (workerData.module, a file URL).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
