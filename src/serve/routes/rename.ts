/**
 * POST /models/{id}/segments/{segment}/name: renames a segment in the model file (rewritten
 * atomically by model/save.ts), then reloads the model at once so the answer and the next request
 * see the new name. The reload records the new file's identity, so the file watcher's event for the
 * same write finds nothing changed and does not load it a second time.
 * @module
 */
import { existsSync } from 'node:fs';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { loadModel } from '../../model/load.js';
import { saveModel } from '../../model/save.js';
import { checkSegmentNames } from '../../profile/segment-names.js';
import { renameBodySchema, renameResponseSchema, segmentParamsSchema } from '../dashboard-schemas.js';
import type { RouteSpec } from '../route.js';
import { servedModel } from './models.js';
import { segmentIndex } from './segment.js';
import type { z } from 'zod';

export const renameRoute: RouteSpec<{ id: string; segment: number }, z.output<typeof renameBodySchema>> = {
  method: 'POST',
  path: '/models/{id}/segments/{segment}/name',
  operationId: 'renameSegment',
  summary: 'Rename a segment (written to the model file)',
  description: 'Names stay unique and non-empty. The model file is rewritten atomically (temp file + rename) and reloaded; the token is required when the server has one, like every route.',
  tag: 'dashboard',
  params: segmentParamsSchema,
  body: renameBodySchema,
  response: renameResponseSchema,
  errors: [400, 401, 404, 415],
  modelOf: (p) => p.id,
  handler: ({ params, body }, ctx) => {
    const served = servedModel(ctx, params.id);
    const at = segmentIndex(served, params.segment);
    // Rename what is on disk, but only if it is still the fit this page showed.
    if (!existsSync(served.file)) throw new SegkitError('E_NOT_FOUND', msg.modelFileGone(served.file), { file: served.file, field: 'name' });
    const onDisk = loadModel(served.file);
    if (onDisk.manifest.createdAt !== served.model.manifest.createdAt || onDisk.manifest.dataHash !== served.model.manifest.dataHash)
      throw new SegkitError('E_OPTION', msg.renameFileChanged(served.file), { file: served.file, field: 'name' });
    const name = body.name.trim();
    const segments = onDisk.segments.map((s, i) => (i === at ? { ...s, name } : s));
    checkSegmentNames(segments.map((s) => s.name), 'name');
    saveModel({ ...onDisk, segments }, served.file);
    ctx.registry.reload(served.id);
    return { model: served.id, segment: params.segment, name, previous: onDisk.segments[at].name, createdAt: onDisk.manifest.createdAt };
  },
};
