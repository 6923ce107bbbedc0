// Worker bootstrap for src/train/pool/pool.ts: a worker thread does not inherit tsx's TypeScript loader, so this
// plain-ESM shim registers it (tsx/esm/api, the documented programmatic API) and then loads the TS worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
