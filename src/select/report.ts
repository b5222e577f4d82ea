/**
 * The SelectionReport: plain JSON that the CLI prints, the model file keeps (`fit -k auto`) and the
 * report and dashboard draw (elbow, silhouette, gap and stability curves). Absent numbers are null.
 * @module
 */

/** Report format name and version, bumped on incompatible changes. */
export const SELECTION_FORMAT = 'segkit-selection';
export const SELECTION_VERSION = 1;

/** Everything measured at one k. */
export interface SelectionRow {
  readonly k: number;
  /** The method's cost: inertia, cost or −log-likelihood (see `costName`). */
  readonly cost: number | null;
  readonly silhouette: number | null;
  /** Standard error of a sampled silhouette (0 when exact). */
  readonly silhouetteStandardError: number | null;
  readonly silhouetteSampleSize: number | null;
  readonly daviesBouldin: number | null;
  readonly calinskiHarabasz: number | null;
  /** log W_k, W_k the within-cluster sum of squares of the data's fit. */
  readonly logW: number;
  readonly expectedLogW: number | null;
  readonly gap: number | null;
  readonly gapStandardError: number | null;
  /** Schwarz BIC as the method reports it (−2 log L + p log n: lower is better), else null. */
  readonly bic: number | null;
  /** ICL in mclust's and tidyLPA's sign (2 log L − p log n + 2 Σ log max posterior: higher is better), else null. */
  readonly icl: number | null;
  /** Mean bootstrap ARI, its standard deviation, min and max over the pairs. */
  readonly stability: number | null;
  readonly stabilitySd: number | null;
  readonly stabilityMin: number | null;
  readonly stabilityMax: number | null;
  readonly smallestSegmentSize: number;
  readonly smallestSegmentShare: number;
  /** Smallest segment share ≥ minSegmentShare. */
  readonly eligible: boolean;
  readonly warnings: readonly string[];
  readonly seconds: number;
}

/** What one criterion points to, and why. */
export interface Criterion {
  readonly name: 'elbow' | 'gap' | 'silhouette' | 'bic' | 'stability';
  /** The k this criterion votes for (already among eligible k), or null. */
  readonly k: number | null;
  readonly reason: string;
}

/** The recommended k with its reasons. */
export interface Recommendation {
  readonly k: number | null;
  /** 'unanimous': every voting criterion agrees; 'majority': more than half; 'split': a plurality or a tie-break; 'none': no vote. */
  readonly agreement: 'unanimous' | 'majority' | 'split' | 'none';
  /** k → criteria voting for it. */
  readonly votes: Readonly<Record<string, readonly string[]>>;
  readonly reasons: readonly string[];
  /** The decision rule, in words. */
  readonly rule: string;
}

/** The whole selection report. */
export interface SelectionReport {
  readonly format: typeof SELECTION_FORMAT;
  readonly formatVersion: number;
  readonly method: string;
  readonly options: Record<string, unknown>;
  readonly kRange: readonly [number, number];
  readonly rows: number;
  readonly features: number;
  readonly seed: number;
  readonly gapReferences: number;
  readonly spaceH0: 'scaledPCA' | 'original';
  readonly bootstrap: number;
  readonly minSegmentShare: number;
  /** Which diagnostic the cost column holds: 'inertia', 'cost', 'negLogLikelihood', or 'withinSS' (W_k, when the method reports none). */
  readonly costName: string;
  readonly perK: readonly SelectionRow[];
  /** Kneedle's difference curve over the k grid (for the elbow plot). */
  readonly kneeDifference: readonly number[];
  readonly criteria: readonly Criterion[];
  readonly recommendation: Recommendation;
  readonly seconds: number;
}
