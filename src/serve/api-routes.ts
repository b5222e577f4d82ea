/**
 * The HTTP API's table of contents: every route, in the order the OpenAPI document lists them.
 * A new route is one more entry here (and one file in routes/).
 * @module
 */
import type { RouteSpec } from './route.js';
import { healthRoute } from './routes/health.js';
import { listModelsRoute, getModelRoute } from './routes/models.js';
import { predictRoute } from './routes/predict.js';
import { openApiRoute } from './routes/openapi.js';
import { similarRoute } from './routes/similar.js';
import { overviewRoute } from './routes/overview.js';
import { segmentRoute } from './routes/segment.js';
import { membersCsvRoute, membersRoute } from './routes/members.js';
import { renameRoute } from './routes/rename.js';
import { snapshotsRoute, migrationsRoute } from './routes/track.js';

export const API_ROUTES: readonly RouteSpec[] = [
  healthRoute, //         GET  /healthz
  listModelsRoute, //     GET  /models
  getModelRoute, //       GET  /models/{id}
  predictRoute, //        POST /models/{id}/predict
  similarRoute, //        POST /models/{id}/similar
  overviewRoute, //       GET  /models/{id}/overview
  segmentRoute, //        GET  /models/{id}/segments/{segment}
  renameRoute, //         POST /models/{id}/segments/{segment}/name
  membersRoute, //        GET  /models/{id}/members
  membersCsvRoute, //     GET  /models/{id}/members.csv
  snapshotsRoute, //      GET  /models/{id}/snapshots
  migrationsRoute, //     GET  /migrations
  openApiRoute, //        GET  /openapi.json
];
