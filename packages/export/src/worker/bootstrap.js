// Entry point of a render worker thread. Worker threads do not inherit a TypeScript loader in
// every setup (Vitest runs tests without one, for instance), so register tsx for this thread
// first, then load the worker proper. Registering again where the process already has tsx is
// harmless.
import { register } from 'tsx/esm/api';

register();
await import('./renderWorker.ts');
