/**
 * `segkit rename <model> <segment> <name>`: gives a segment a name of the user's choosing, kept in
 * the model file (rewritten atomically). Names stay unique and non-empty.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { loadModel } from '../../model/load.js';
import { saveModel } from '../../model/save.js';
import { checkSegmentNames } from '../../profile/segment-names.js';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { EXIT_OK } from '../exit-codes.js';

export function registerRename(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('rename')
    .summary('name a segment (kept in the model file)')
    .argument('<model>', 'model file written by segkit fit')
    .argument('<segment>', 'segment id (the number in the segment column, from 0)')
    .argument('<name>', 'the new name, e.g. "Champions"')
    .action(async (modelPath: string, segment: string, name: string) => {
      const file = resolvePath(io, modelPath);
      const model = loadModel(file);
      const id = Number(segment);
      const at = model.segments.findIndex((s) => s.id === id);
      if (!/^\d+$/.test(segment.trim()) || at < 0) throw new SegkitError('E_OPTION', msg.segmentNotFound(segment, model.segments.map((s) => s.id)), { field: 'segment' });
      const segments = model.segments.map((s, i) => (i === at ? { ...s, name: name.trim() } : s));
      checkSegmentNames(segments.map((s) => s.name), 'name');
      saveModel({ ...model, segments }, file);
      io.stdout(`segment ${id}: "${model.segments[at].name}" → "${name.trim()}" (${modelPath})\n`);
      setExit(EXIT_OK);
    });
}
