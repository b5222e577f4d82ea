/**
 * `segkit fit --method lpa -k 2..8 --models 1,2,3,6`: fits the grid of latent-profile models and
 * profile counts, prints the fit-index table (tidyLPA's columns; best by BIC and by ICL marked), and
 * returns the cell to save, the best by BIC (or by ICL with `--pick icl`). The saved model is fitted
 * again with that model and k from the run's seed, so it is exactly what `fit` would give for them.
 * @module
 */
import type { Frame } from '../data/frame.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { prepareData } from '../model/fit-model.js';
import { fitLpaGrid, type LpaGrid } from '../cluster/lpa-grid.js';
import { formatLpaTable } from '../cluster/lpa-table.js';
import { createFitContext, type Progress } from '../cluster/types.js';
import { createRng } from '../math/rng.js';
import type { SegkitWarning } from '../errors.js';

/** Models of `--models`: mclust names or tidyLPA numbers, comma-separated. */
export function parseModels(text: string | undefined): (string | number)[] | undefined {
  if (text === undefined) return undefined;
  const out = text.split(',').map((t) => t.trim()).filter(Boolean).map((t) => (/^\d+$/.test(t) ? Number(t) : t.toUpperCase()));
  if (out.length === 0) throw new SegkitError('E_OPTION', msg.lpaModelsEmpty(), { field: '--models' });
  return out;
}

/** Fits the grid on the frame; the table is returned as text, the pick as options for `fitModel`. */
export async function lpaGridFit(
  frame: Frame,
  o: { models: (string | number)[]; ks: number[]; options: Record<string, unknown>; prep: Record<string, unknown>; idColumn?: string; weightColumn?: string; seed: number; pick: 'bic' | 'icl'; onProgress?: (p: Progress) => void },
): Promise<{ grid: LpaGrid; table: string; pick: { model: string; nClusters: number } }> {
  const { prep } = prepareData(frame, { method: 'lpa', prep: o.prep, idColumn: o.idColumn, weightColumn: o.weightColumn, onProgress: o.onProgress });
  const { model: _m, nClusters: _k, init, ...shared } = o.options as Record<string, unknown> & { init?: unknown };
  const warnings: SegkitWarning[] = [];
  const grid = await fitLpaGrid(prep.dataset, {
    models: o.models as never, ks: o.ks, fit: { ...shared, ...(init === 'kmeans' || init === 'random' ? { init } : {}) } as never,
  }, createFitContext(createRng(o.seed), warnings, { onProgress: o.onProgress }));
  const best = o.pick === 'icl' ? grid.bestByIcl : grid.bestByBic;
  if (best < 0) throw new SegkitError('E_TOO_FEW_ROWS', msg.lpaGridAllFailed(grid.cells[0]?.error ?? ''), { field: '-k' });
  const cell = grid.cells[best];
  return { grid, table: formatLpaTable(grid).join('\n') + '\n', pick: { model: cell.model, nClusters: cell.k } };
}
