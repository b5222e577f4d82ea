// Boots a K-Modes restart worker under tsx (Node 20 cannot run .ts in a worker without a loader; see STACK.md).
import { register } from 'tsx/esm/api';
register();
await import('./kmodes-worker.ts');
