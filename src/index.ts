/**
 * segkit public API. Every public name is listed here explicitly, grouped by area.
 * @module
 */

// errors
export { SegkitError, isSegkitError } from './errors.js';
export type { ErrorCode, Where, SegkitWarning, WarningCode } from './errors.js';

// math
export { matrix, row, fromRows, toRows } from './math/matrix.js';
export type { Matrix } from './math/matrix.js';
export { createRng } from './math/rng.js';
export type { Rng } from './math/rng.js';
export { gowerMatrix, fitGowerScale } from './math/gower.js';
export type { GowerScale } from './math/gower.js';

// data: sources, frames, IDs, writing tables
export { parseSourceSpec } from './data/source-spec.js';
export type { SourceSpec, SourceOptions } from './data/source-spec.js';
export { readFrame, readFrameWithSchema } from './data/read-frame.js';
export type { ReadOptions, ReadResult } from './data/read-frame.js';
export type { ColumnSchema } from './data/schema.js';
export { resolveIds } from './data/ids.js';
export { writeTable } from './data/write-table.js';
export type { Frame, Column, ColumnKind, NumericColumn, TextColumn } from './data/frame.js';
export { frameFromRecords } from './data/frame.js';
export type { Dataset, CodeMatrix } from './data/dataset.js';
export { datasetFromMatrix } from './data/dataset.js';

// prep: the preprocessing pipeline
export { fitPipeline, transformPipeline } from './prep/pipeline.js';
export type { PipelineState, PrepReport, FittedPipeline } from './prep/pipeline.js';
export { pipelineOptionsSchema } from './prep/pipeline-options.js';
export type { PipelineOptions, PipelineParams } from './prep/pipeline-options.js';
// prep: fewer, better features (PCA, correlation pruning, weights, outlier limits)
export { fitPca, transformPca } from './prep/pca.js';
export type { PcaState } from './prep/pca.js';
export { correlationMatrix } from './prep/correlation.js';
export { outliersSchema } from './prep/outliers.js';
export type { OutliersParams } from './prep/outliers.js';
export type { MatrixReport, MatrixStepState } from './prep/matrix-steps.js';
export { symmetricEigen } from './math/eigen.js';

// cluster
export { kmeansClusterer, kmeansOptionsSchema } from './cluster/kmeans.js';
export { kmodesClusterer, kmodesOptionsSchema } from './cluster/kmodes.js';
export { kprototypesClusterer, kprototypesOptionsSchema } from './cluster/kprototypes.js';
export type { MixedState, MixedParams } from './cluster/kmodes-fit.js';
export type { KMeansOptions, KMeansState } from './cluster/kmeans.js';
export { gmmClusterer, gmmOptionsSchema } from './cluster/gmm.js';
export type { GmmOptions, GmmState } from './cluster/gmm.js';
export { lpaClusterer, lpaOptionsSchema, TIDYLPA_MODELS } from './cluster/lpa.js';
export type { LpaOptions, LpaState } from './cluster/lpa.js';
export { lpaKmeansClusterer, lpaKmeansOptionsSchema } from './cluster/lpa-kmeans.js';
export type { LpaKmeansOptions, LpaKmeansState } from './cluster/lpa-kmeans.js';
export { fitLpaGrid } from './cluster/lpa-grid.js';
export type { LpaGrid, LpaGridCell, LpaGridOptions } from './cluster/lpa-grid.js';
export { formatLpaTable } from './cluster/lpa-table.js';
export { fitIndices, rowEntropies } from './cluster/mixture/fit-indices.js';
export type { FitIndices } from './cluster/mixture/fit-indices.js';
export type { MixtureState } from './cluster/mixture/fit-mixture.js';
export type { CovarianceModel } from './cluster/mixture/covariance.js';
export { kmedoidsClusterer, kmedoidsOptionsSchema } from './cluster/kmedoids.js';
export type { KMedoidsOptions, KMedoidsState } from './cluster/kmedoids.js';
export { somClusterer, somOptionsSchema } from './cluster/som.js';
export { embedKmeansClusterer, embedKmeansOptionsSchema } from './cluster/embed-kmeans.js';
export type { EmbedKmeansOptions, EmbedKmeansState } from './cluster/embed-kmeans.js';
export { autoencoderKmeansClusterer, autoencoderKmeansOptionsSchema } from './cluster/autoencoder-kmeans.js';
export type { AutoencoderKmeansOptions, AutoencoderKmeansState } from './cluster/autoencoder-kmeans.js';
export { renderRows } from './embed/render-text.js';
export type { SomOptions, SomState } from './cluster/som.js';
export { hierarchicalClusterer, hierarchicalOptionsSchema } from './cluster/hierarchical.js';
export type { HierarchicalOptions, HierarchicalState, Linkage } from './cluster/hierarchical.js';
export { dbscanClusterer, dbscanOptionsSchema } from './cluster/dbscan.js';
export type { DbscanOptions, DbscanState } from './cluster/dbscan.js';
export { kDistance } from './cluster/k-distance.js';
export { hdbscanClusterer, hdbscanOptionsSchema } from './cluster/hdbscan.js';
export type { HdbscanOptions, HdbscanState } from './cluster/hdbscan.js';
export type { KDistance } from './cluster/k-distance.js';
export { getClusterer, methodNames } from './cluster/registry.js';
export type { Clusterer, Fitted, FitContext, Progress } from './cluster/types.js';
export { createFitContext } from './cluster/types.js';

// evaluate
export { silhouette, silhouetteSamples } from './evaluate/silhouette.js';
export type { SilhouetteOptions, SilhouetteResult } from './evaluate/silhouette.js';
export { daviesBouldin } from './evaluate/davies-bouldin.js';
export { calinskiHarabasz } from './evaluate/calinski-harabasz.js';
export { adjustedRandIndex } from './evaluate/ari.js';
export { adjustedMutualInfo, mutualInfo } from './evaluate/ami.js';
export { inertia } from './evaluate/inertia.js';

// select: choosing the number of segments
export { selectK } from './select/select-k.js';
export { selectOptionsSchema } from './select/select-options.js';
export type { SelectOptions, SelectParams } from './select/select-options.js';
export type { SelectionReport, SelectionRow, Criterion, Recommendation } from './select/report.js';
export { parseKRange } from './select/k-range.js';
export type { KRange } from './select/k-range.js';
export { kneedle } from './select/knee.js';
export type { Knee, KneeOptions } from './select/knee.js';
export { gapStatistic } from './select/gap.js';
export type { GapResult } from './select/gap.js';

// model: fit, save, load, predict
export { fitModel } from './model/fit-model.js';
export { compareMethods } from './model/compare-methods.js';
export type { CompareOptions, Comparison, MethodResult, SpaceMetrics } from './model/compare-methods.js';
export { fitEcod, scoreEcod } from './prep/ecod.js';
export type { EcodState, EcodFit } from './prep/ecod.js';
export type { FitModelOptions, FitModelResult } from './model/fit-model.js';
export { saveModel } from './model/save.js';
export { loadModel, parseModel } from './model/load.js';
export { predict, scoreFrame } from './model/predict.js';
export type { Prediction, Scores } from './model/predict.js';
export { predictRecords } from './model/predict-records.js';
export type { RecordPrediction } from './model/predict-records.js';
export { exportSql } from './model/sql/export-sql.js';
export { profileSegments } from './profile/segment-profile.js';
export type { ProfileReport, SegmentProfileCard } from './profile/segment-profile.js';
export { surrogateTree } from './profile/surrogate-tree.js';
export type { SurrogateTree, Rule } from './profile/surrogate-tree.js';
export { nameSegments } from './profile/segment-names.js';
export { suggestActions, parsePlaybook, DEFAULT_PLAYBOOK } from './profile/playbook.js';
export type { Playbook } from './profile/playbook.js';
export { buildReport } from './report/report-model.js';
export type { ReportModel, SegmentCard } from './report/report-model.js';
export { reportHtml } from './report/html.js';
export { renderSvg, svgToPng } from './report/render-svg.js';
export { explainedVarianceChart, loadingsHeatmap, correlationHeatmap, scatterMatrixChart, prepCharts } from './report/charts-prep.js';
export { buildSimilarityIndex, findSimilar, embedFrame, indexRow, indexVector } from './model/similar.js';
export type { SimilarityIndex, SimilarOptions, SimilarCustomer } from './model/similar.js';
export type { ExportSqlOptions } from './model/sql/export-sql.js';
export type { NoveltyRules } from './model/novelty.js';
export { FORMAT_NAME, FORMAT_VERSION } from './model/artifact.js';
export type { SegmentationModel, Segment, Manifest, Lineage } from './model/artifact.js';

// features: transactions → customer features and RFM
export { transactionFeatures } from './features/transaction-features.js';
export type { TransactionFeatures, TransactionFeaturesOptions } from './features/transaction-features.js';
export { transactionSpecSchema } from './features/transaction-spec.js';
export type { TransactionSpec, TransactionSpecInput } from './features/transaction-spec.js';
export type { FeaturePlan, TransactionReport } from './features/prepare-features.js';
export type { FeatureTable } from './features/sql-engine.js';
export { featureSql, featureColumns } from './features/feature-sql.js';
export type { FeatureFamilies } from './features/feature-sql.js';
export { rfmAnalysis, rfmOptionsSchema } from './features/rfm.js';
export type { RfmOptions, RfmResult, RfmSegmentSummary } from './features/rfm.js';
export { RFM_SCHEMES, parseRfmScheme } from './features/rfm-schemes.js';
export type { RfmScheme } from './features/rfm-schemes.js';
// track: the store, snapshots, migrations, retrain with stable ids, drift
export { openStore, listSnapshots, findSnapshot, segmentNames } from './track/store.js';
export type { StoreDb, StoreRow, OpenStoreOptions, SnapshotInfo } from './track/store.js';
export { SCHEMA_VERSION } from './track/store-schema.js';
export { recordSnapshot } from './track/snapshot.js';
export type { SnapshotInput, SnapshotResult } from './track/snapshot.js';
export { migrations, customersInto, writeIntoTable, segmentDistribution } from './track/transitions.js';
export type { Migrations, MigrationsQuery, MovedCustomer, DistributionRow, SegmentLabel } from './track/transitions.js';
export { retrain } from './track/retrain.js';
export type { RetrainOptions, RetrainResult } from './track/retrain.js';
export { alignByCoMembership } from './track/align.js';
export type { Alignment, AlignedPair } from './track/align.js';
export { hungarian } from './track/hungarian.js';
export { driftReport } from './track/drift.js';
export type { DriftReport, DriftThresholds, FeatureDrift, Verdict } from './track/drift.js';
export { psi } from './track/psi.js';
export { ksTwoSample, chiSquareHomogeneity } from './track/two-sample-tests.js';
export type { TestResult } from './track/two-sample-tests.js';
// serve: the HTTP API
export { createServer } from './serve/app.js';
export type { SegkitServer } from './serve/app.js';
export { serveOptionsSchema } from './serve/serve-options.js';
export type { ServeOptions, ServeParams } from './serve/serve-options.js';
export { parseModelSources } from './serve/model-registry.js';
export type { ModelSource } from './serve/model-registry.js';
export { jsonLineLog } from './serve/request-log.js';
export type { LogSink } from './serve/request-log.js';
