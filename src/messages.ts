/**
 * Every user-facing message, as a builder function, so code and tests share one wording.
 * Shape: subject, rule, the value received, then what to do (STYLE.md section G).
 * @module
 */

const q = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? String(v));
const list = (names: readonly string[], max = 8): string =>
  names.slice(0, max).map((n) => `"${n}"`).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');
const at = (file?: string, row?: number, column?: string): string =>
  [file, row !== undefined ? `row ${row}` : undefined, column !== undefined ? `column "${column}"` : undefined]
    .filter((x) => x !== undefined)
    .join(', ');

export const msg = {
  // options
  optionInvalid: (field: string, owner: string, rule: string, got: unknown) =>
    `The '${field}' option of ${owner} must be ${rule}. Got ${q(got)}.`,
  optionUnknown: (field: string, owner: string, allowed: readonly string[]) =>
    `Unknown option '${field}' for ${owner}. Expected one of: ${allowed.map((a) => `'${a}'`).join(', ')}.`,
  keywordUnknown: (what: string, got: string, allowed: readonly string[]) =>
    `Unknown ${what} ${q(got)}. Expected one of: ${allowed.map((a) => `'${a}'`).join(', ')}.`,
  kRange: (got: unknown) => `The number of segments k must be an integer ≥ 1. Got ${q(got)}.`,

  // data
  tooFewRows: (method: string, need: number, have: number) =>
    `${method} needs at least nClusters=${need} rows; the data has ${have}.`,
  dataEmpty: (what: string) => `${what} has no rows.`,
  dataNoFeatures: (what: string) => `${what} has no usable feature columns.`,
  dataNonFinite: (row: number, column: string, value: number) =>
    `Row ${row}, column "${column}": ${value} is not a finite number.`,
  featureMismatch: (got: number, method: string, expected: number) =>
    `Data has ${got} features, but this ${method} model was fitted on ${expected}.`,
  notANumber: (file: string | undefined, row: number, column: string, value: string) =>
    `${at(file, row, column)}: ${q(value)} is not a number.`,
  allMissing: (file: string | undefined, column: string) => `${at(file, undefined, column)} has no values (every row is missing).`,
  unknownColumn: (column: string, flag: string, available: readonly string[]) =>
    `Unknown column "${column}" in ${flag}. Available columns: ${available.map((c) => `"${c}"`).join(', ')}.`,
  duplicateId: (column: string, id: string, rows: readonly number[]) =>
    `Customer ID column "${column}" is not unique: "${id}" appears in rows ${rows.join(', ')}.`,
  missingFeature: (column: string, file?: string) =>
    `${file ? `${file}: ` : ''}the model needs column "${column}", which the new data does not have.`,
  missingId: (row: number, column: string) => `Row ${row}: customer ID column "${column}" is empty.`,

  // files and sources
  fileNotFound: (file: string) => `File not found: ${file}.`,
  fileUnreadable: (file: string, reason: string) => `Cannot read ${file}: ${reason}`,
  fileEmpty: (file: string) => `${file} is empty.`,
  headerOnly: (file: string) => `${file} has a header but no data rows.`,
  raggedRow: (file: string, row: number, got: number, expected: number) =>
    `${file}, row ${row}: has ${got} fields, but the header has ${expected}.`,
  unknownFormat: (file: string) =>
    `Cannot tell the format of ${file}. Use a .csv, .tsv, .txt, .parquet, .jsonl/.ndjson/.json file, duckdb:<file> or postgres://…`,
  needTableOrQuery: (source: string) => `${source} is a database; name what to read with --table or --query.`,
  writeFailed: (file: string, reason: string) => `Cannot write ${file}: ${reason}`,

  // models
  modelNotJson: (file: string) => `${file} is not a segkit model file: it is not valid JSON (truncated or damaged?).`,
  modelForeign: (file: string) => `${file} is not a segkit model file: it has no "format": "segkit-model" field.`,
  modelVersion: (file: string, got: unknown, supported: number) =>
    `${file} is a segkit model of format version ${q(got)}; this segkit reads versions 1 to ${supported}.${typeof got === 'number' && got > supported ? ' It was written by a newer segkit: upgrade segkit to read it.' : ''}`,
  modelInvalid: (file: string, detail: string) => `${file} is a damaged segkit model file: ${detail}.`,
  unknownMethod: (got: string, allowed: readonly string[]) =>
    `Unknown method ${q(got)}. Expected one of: ${allowed.map((a) => `'${a}'`).join(', ')}.`,

  methodNeedsNumbers: (method: string, columns: readonly string[]) =>
    `Method '${method}' models numeric columns only, but ${columns.map((c) => `"${c}"`).join(', ')} ${columns.length === 1 ? 'is' : 'are'} categorical. ` +
    `Use --method kprototypes for mixed data, leave ${columns.length === 1 ? 'it' : 'them'} out with --exclude, or one-hot encode explicitly with --encode onehot.`,

  // fitting
  aborted: (what: string) => `${what} was aborted.`,
  notConverged: (maxIter: number) =>
    `Did not converge within maxIter=${maxIter} iterations. Raise maxIter or tol.`,
  fewerClusters: (found: number, asked: number) =>
    `Found only ${found} distinct points, fewer than nClusters=${asked}; some clusters will be duplicates.`,
  emptyRelocated: (count: number, iter: number) =>
    `${count} empty cluster(s) were relocated to far points at iteration ${iter}.`,
  // --- data layer: data/ (add new builders below this line) ---
  tableAndQuery: (source: string) => `${source}: give either --table or --query, not both.`,
  postgresConnect: (source: string, reason: string) => `Cannot connect to ${source}: ${reason}`,
  postgresQuery: (source: string, reason: string) => `Query on ${source} failed: ${reason}`,

  // --- mixed data: K-Modes, K-Prototypes (cluster/kmodes*.ts, kprototypes.ts) ---
  needsCategorical: (method: string) =>
    `Method '${method}' clusters categorical columns, but the data has none. ` +
    `Use --method kmeans for numeric data, or mark text-coded columns with --categorical <cols>.`,
  kmodesGotNumbers: (columns: readonly string[]) =>
    `Method 'kmodes' uses categorical columns only, but ${list(columns)} ${columns.length === 1 ? 'is' : 'are'} numeric. ` +
    `Use --method kprototypes to use both, or leave the numbers out with --exclude.`,
  kprototypesNoNumbers: () =>
    `Method 'kprototypes' mixes numeric and categorical columns, but every used column is categorical. Use --method kmodes.`,
  fewerDistinctRows: (method: string, k: number, distinct: number) =>
    `${method} cannot form nClusters=${k} segments: the data has only ${distinct} distinct rows. Lower -k to at most ${distinct}.`,
  clusterRefilled: (count: number) =>
    `${count} segment(s) became empty and took a row of the largest segment (kmodes' rule).`,
  initShape: (method: string, what: string, k: number, cols: number, got: string) =>
    `The 'init' option of ${method} must give ${what} as a ${k} × ${cols} matrix (nClusters × columns). Got ${got}.`,
  initLevel: (method: string, column: string, value: string, levels: readonly string[]) =>
    `The 'init' option of ${method}: "${value}" is not a level of column "${column}" (levels: ${levels.slice(0, 10).map((l) => `"${l}"`).join(', ')}${levels.length > 10 ? ', …' : ''}).`,
  manyLevels: (column: string, distinct: number, grouped: number) =>
    `Column "${column}" has ${distinct.toLocaleString('en-US')} distinct values${grouped > 0 ? ` (${grouped.toLocaleString('en-US')} rare ones grouped into '(other)')` : ''}: is it an identifier, free text or a timestamp? ` +
    `If so, leave it out with --exclude ${column}; if its values have an order or a number inside, make it numeric with --numeric ${column}.`,

  // --- k-medoids and Gower: cluster/kmedoids*.ts, math/gower.ts ---
  kmedoidsEuclideanWithCategories: (columns: readonly string[]) =>
    `The 'metric' option of kmedoids is 'euclidean', which compares numbers only, but ${list(columns)} ${columns.length === 1 ? 'is' : 'are'} categorical. ` +
    `Use metric 'gower' (or 'auto') to compare numbers and categories together.`,
  kmedoidsTooManyRows: (rows: number, limit: number) =>
    `kmedoids with algorithm 'pam' keeps all ${rows.toLocaleString('en-US')} × ${rows.toLocaleString('en-US')} dissimilarities in memory and takes at most ${limit.toLocaleString('en-US')} rows. ` +
    `Use algorithm 'clara' (or 'auto'), which runs PAM on samples, or use --method kprototypes for large mixed data.`,
  kmedoidsInitLength: (got: number, k: number) =>
    `The 'init' option of kmedoids must list nClusters=${k} medoid rows. Got ${got}.`,
  kmedoidsInitRow: (row: number, rows: number) =>
    `The 'init' option of kmedoids names row index ${row}, but the data has rows 0 to ${rows - 1}.`,
  kmedoidsInitDuplicate: (row: number) =>
    `The 'init' option of kmedoids names row index ${row} twice; medoids must be distinct rows.`,
  kmedoidsNotConverged: (maxIter: number, swap: string) =>
    `kmedoids stopped after maxIter=${maxIter} ${swap === 'eager' ? 'passes over the candidates' : 'swaps'} while swaps still lowered the cost. Raise maxIter.`,
  kmedoidsSampled: (samples: number, size: number, rows: number) =>
    `kmedoids ran CLARA: PAM on ${samples} samples of ${size.toLocaleString('en-US')} of the ${rows.toLocaleString('en-US')} rows, keeping the medoids cheapest over all rows. Raise samples or sampleSize for medoids closer to PAM's.`,
  kmedoidsExplicitNeedsPam: () =>
    `The 'init' option of kmedoids gives explicit medoid rows, which need algorithm 'pam' (CLARA draws its own samples). Use init 'build' or 'random' with CLARA.`,
  columnWeightUnknown: (column: string, available: readonly string[]) =>
    `The 'columnWeights' option of kmedoids names column "${column}", which the data does not have. Available columns: ${list(available, 20)}.`,
  columnWeightsAllZero: () =>
    `The 'columnWeights' option of kmedoids gives every column weight 0; at least one column must weigh more than 0.`,

  // --- profiles: profile/ ---
  valueNotNumeric: (column: string) => `The --value column "${column}" must be numeric (revenue, spend, …).`,
  segmentNameEmpty: (segment: number) => `The name of segment ${segment} is empty; give it a few words.`,
  segmentNameLong: (segment: number, max: number) => `The name of segment ${segment} is longer than ${max} characters.`,
  segmentNameDuplicate: (name: string, first: number, second: number) => `Segments ${first} and ${second} would both be named "${name}"; names must be unique.`,
  segmentNotFound: (segment: string, ids: readonly number[]) => `The model has no segment ${segment}; its segments are ${ids.join(', ')}.`,

  // --- similar customers: model/similar.ts ---
  noCustomerTable: () => `This server has no customer table to search: start it with 'segkit serve <model> --customers <table>'.`,
  customerOrRow: () => `Give either "customer" (an ID of the customer table) or "row" (a new customer), not both.`,
  customerNotFound: (id: string, rows: number) => `Customer "${id}" is not among the ${rows} customers of the table. Check --customer and --id.`,

  // --- SQL export: model/sql/ ---
  noSqlForMethod: (method: string) => `Method '${method}' has no SQL export yet; score with 'segkit assign' instead.`,
  noSqlForStep: (column: string, step: string) =>
    `Column "${column}" uses the '${step}' step, which has no SQL form (its normal output needs the inverse normal CDF). Refit with --scale standard, robust or minmax to export SQL.`,

  // --- preprocessing: prep/ (add new builders below this line) ---
  unseenLevelCode: (column: string, value: string) =>
    `${column}: level "${value}" was not seen in training (it matches no segment's level: a mismatch everywhere).`,
  unseenLevelOrdinal: (column: string, value: string, mode: string) =>
    `${column}: level "${value}" was not seen in training (encoded as the most frequent level "${mode}").`,
  levelNotInOrder: (column: string, value: string, order: readonly string[]) =>
    `The 'ordinalOrder' option for column "${column}" must list every level of the training data. Got no place for "${value}" in [${order.map((o) => `"${o}"`).join(', ')}].`,
  ordinalOrderNotText: (column: string, kind: string) =>
    `The 'ordinalOrder' option names column "${column}", which is ${kind}, not categorical.`,
  skewFallback: (column: string) => `Column "${column}" has negative values, so log1p cannot apply; used Yeo-Johnson instead.`,
  nonFiniteInput: (file: string | undefined, row: number, column: string, value: number) =>
    `${[file, `row ${row}`, `column "${column}"`].filter(Boolean).join(', ')}: ${value} is not a finite number.`,
  transformNonFinite: (file: string | undefined, row: number, column: string, step: string) =>
    `${[file, `row ${row}`, `column "${column}"`].filter(Boolean).join(', ')}: the ${step} step gives a value that is not finite (the value is too far outside the training range).`,
  allMissingDropped: (column: string) => `Column "${column}" has no values (every row is missing) and was dropped.`,
  unseenLevel: (column: string, value: string) => `${column}: level "${value}" was not seen in training (encoded as all zeros).`,

  // --- evaluation: evaluate/ (add new builders below this line) ---
  labelsLength: (metric: string, got: number, rows: number) => `${metric}: got ${got} labels for ${rows} rows.`,
  labelingsLength: (metric: string, a: number, b: number) => `${metric}: the two labelings have different lengths (${a} and ${b}).`,
  clusterCountForMetric: (metric: string, k: number, n: number) =>
    `${metric} needs between 2 and n-1 clusters; the labels have ${k} cluster(s) for ${n} rows.`,

  // --- choosing k: select/ (add new builders below this line) ---
  kRangeMalformed: (got: string) =>
    `The k range must look like 'min..max' with whole numbers, e.g. '2..12'. Got ${q(got)}.`,
  kRangeOrder: (min: number, max: number) =>
    `The k range ${min}..${max} must have min ≥ 1 and max > min (a single k leaves nothing to choose; use 'segkit fit -k ${min}' to fit it).`,
  kRangeRows: (min: number, max: number, rows: number) =>
    `The k range ${min}..${max} asks for up to ${max} segments, but the data has only ${rows} rows. Use a range with max ≤ ${rows - 1}.`,
  kRangeDistinct: (min: number, max: number, distinct: number) =>
    `The k range ${min}..${max} asks for up to ${max} segments, but the data has only ${distinct} distinct rows. Use a range with max ≤ ${distinct}.`,
  methodWithoutK: (method: string, params: readonly string[]) =>
    `Method ${q(method)} does not take a number of segments (it has no 'nClusters' option), so there is no k to choose. Tune its own parameters instead: ${params.map((p) => `'${p}'`).join(', ')} (see 'segkit fit --method ${method} --help').`,
  selectNoEligible: (share: number) =>
    `Every k in the range has a segment smaller than minSegmentShare=${share}; no k is recommended. Lower minSegmentShare or the top of the k range.`,

  // --- clustering and models (add new builders below this line) ---
  weightNotNumeric: (column: string) => `The weight column "${column}" must be numeric.`,
  badWeight: (file: string, row: number, column: string, value: number) =>
    `${file}, row ${row}, column "${column}": weight ${value} must be a finite number ≥ 0.`,
  constantColumn: (column: string) => `Column "${column}" is constant and was dropped.`,
  idLikeColumn: (column: string) => `Column "${column}" has a distinct text value in every row (an ID?) and was dropped.`,

  // --- Gaussian mixtures and latent profiles (cluster/gmm.ts, lpa*.ts, mixture/) ---
  mixtureFewDistinctRows: (method: string, k: number, distinct: number) =>
    `${method} needs at least nClusters=${k} distinct rows to fit ${k} components; the data has only ${distinct}. Lower nClusters, or check that the columns are not mostly constant.`,
  mixtureNotConverged: (method: string, maxIter: number, lastChange: number, tol: number) =>
    `${method} did not converge within maxIter=${maxIter} EM iterations: the last change of the mean log-likelihood was ${lastChange.toPrecision(3)} (tol ${tol}). Raise maxIter or tol.`,
  mixtureRegularised: (method: string, components: readonly number[], added: number, iter: number) =>
    `${method}: the covariance of ${components.map((c) => (c < 0 ? 'the shared covariance' : `component ${c}`)).join(', ')} became singular (a collapsed component, first at EM iteration ${iter}); up to ${added.toPrecision(3)} was added to its diagonal. Fewer components, a larger regCovar, or another covariance model may fit better.`,
  mixtureStateShape: (model: string, expected: number, got: number) =>
    `The covariances of this ${model} mixture must hold ${expected} numbers; the model file has ${got}.`,
  lpaModelsEmpty: () => `The LPA grid needs at least one model and one number of profiles.`,
  noProbabilities: () => `--probabilities needs a method with soft assignment (gmm, lpa, lpa-kmeans); this model's method assigns each customer to one segment only (see the confidence column).`,
  lpaGridAllFailed: (first: string) => `Every cell of the LPA grid failed to fit; the first said: ${first}`,
  kRangeNeedsLpa: (method: string) =>
    `A range for -k fits a grid of latent-profile models with --method lpa. For '${method}', use -k auto --k-range min..max, or 'segkit select' to compare k.`,
  // --- transactions → features, RFM: features/ (add new builders below this line) ---
  txMissingColumns: (source: string, missing: readonly { flag: string; column: string }[], found: readonly string[]) =>
    `${source} has no column ${missing.map((m) => `"${m.column}" (${m.flag})`).join(', ')}. Columns found: ${list(found, 20)}.` +
    (found.every((c) => /^column\d+$/.test(c)) ? ' The file has no header line, so its columns are named column1, column2, …' : ''),
  txEmpty: (source: string) => `${source} has no transaction lines.`,
  txNoCustomers: (source: string, column: string) =>
    `${source}: no line has both a customer ID in column "${column}", a readable date and a readable amount, so there are no customers to describe.`,
  txNoDates: (source: string, column: string, examples: readonly string[]) =>
    `${source}, column "${column}": no value is a date segkit can read (e.g. ${list(examples, 3)}). Name the layout with --date-format iso|yyyymmdd|mdy|dmy.`,
  txSlashOrderMixed: (column: string, dayFirst: string, monthFirst: string) =>
    `Column "${column}" mixes day-first and month-first dates ("${dayFirst}" has a day above 12 first, "${monthFirst}" second). Name the layout with --date-format mdy or dmy.`,
  txMixedDates: (column: string, counts: Readonly<Record<string, number>>, examples: readonly string[]) =>
    `Column "${column}" mixes date layouts: ${Object.entries(counts).filter(([, n]) => n > 0).map(([f, n]) => `${n.toLocaleString('en-US')} ${f}`).join(', ')} (e.g. ${list(examples, 4)}); each value was read in the layout it matches.`,
  txUnparsedDates: (count: number, column: string, examples: readonly string[]) =>
    `${count.toLocaleString('en-US')} line(s) have a date in column "${column}" that could not be read (e.g. ${list(examples, 3)}); they were left out. Use --date-format to name the layout.`,
  txBadAmounts: (count: number, what: string) =>
    `${count.toLocaleString('en-US')} line(s) have no readable number in ${what}; they were left out.`,
  txNoCustomer: (count: number, column: string, share: number) =>
    `${count.toLocaleString('en-US')} line(s) (${(share * 100).toFixed(1)}% of revenue) have no customer ID in column "${column}"; they were counted and kept apart, not assigned to any customer.`,
  txNegativeAmounts: (count: number) =>
    `${count.toLocaleString('en-US')} line(s) have a negative amount or quantity but no cancellation rule, so they were netted into the customers' totals. If they are returns, add --cancel-negative (or --cancel-prefix with --invoice).`,
  txAsOfBeforeFirst: (asOf: string, first: string) =>
    `The as-of date ${asOf} is before the first transaction (${first}); every customer would have no history. Use a later --as-of, or leave it out (default: the day after the last transaction).`,
  txNeedsFlag: (flag: string) =>
    `Transactions need ${flag} <column> (which column holds the ${flag === '--customer' ? 'customer ID' : 'transaction date'}); see segkit features --help.`,
  txCancelPrefixNeedsInvoice: () => `--cancel-prefix names a prefix of invoice numbers, so it needs --invoice.`,

  rfmSchemeBins: (scheme: string, need: number, got: number) =>
    `The '${scheme}' RFM scheme is written for scores 1–${need}, but --bins is ${got}. Use --bins ${need}, or a custom scheme file.`,
  rfmSchemeInvalid: (file: string, detail: string) => `${file} is not a valid RFM scheme: ${detail}. A scheme is {"bins": 5, "segments": [{"name": "...", "r": [lo, hi], "f": [lo, hi], "m": [lo, hi]}, …]} (first match wins).`,
  rfmBins: (got: unknown) => `--bins must be 3 or 5 (or another integer from 2 to 9, one digit per score). Got ${q(got)}.`,
  // --- HTTP API: serve/ (add new builders below this line) ---
  bodyNotJson: () =>
    `The request body is not valid JSON. Send one JSON object such as {"rows": [{"age": 35, "city": "Paris"}]}; NaN and Infinity are not JSON (send null for a missing value).`,
  bodyEmpty: () => `The request body is empty. Send one JSON object such as {"row": {"age": 35}}.`,
  bodyMediaType: (got: string) => `Content-Type ${q(got)} is not supported. Send the body as JSON with "Content-Type: application/json".`,
  bodyTooLarge: (limit: number) =>
    `The request body is larger than this server's limit of ${limit.toLocaleString('en-US')} bytes. Send fewer rows per request, or start the server with a larger --body-limit.`,
  bodyNotObject: (got: string) => `The request body must be a JSON object. Got ${got}.`,
  bodyFieldUnknown: (field: string, allowed: readonly string[]) =>
    `Unknown field ${q(field)} in the request body. Expected one of: ${allowed.map((a) => `'${a}'`).join(', ')}.`,
  bodyFieldInvalid: (field: string, rule: string, got: unknown) => `Field ${q(field)} of the request body must be ${rule}. Got ${q(got)}.`,
  bodyRowValue: (row: number, column: string, got: unknown) =>
    `Row ${row}, column "${column}": a value must be a string, a number, true/false or null. Got ${q(got)}.`,
  bodyRowsOrRow: () => `The request body must have exactly one of "rows" (an array of objects) or "row" (one object).`,
  batchTooLarge: (got: number, max: number) =>
    `The batch has ${got.toLocaleString('en-US')} rows; this server accepts at most ${max.toLocaleString('en-US')} per request. Split it, or start the server with a larger --max-batch.`,
  rowMissingFeature: (row: number, column: string) =>
    `Row ${row}: the model needs column "${column}", which the row does not have. Send "${column}": null if the value is unknown (it is then imputed as in training).`,
  modelNotFound: (id: string, available: readonly string[]) =>
    `No model with id ${q(id)}. Loaded models: ${available.length ? available.map((a) => `'${a}'`).join(', ') : '(none)'}.`,
  routeNotFound: (method: string, url: string) => `No route ${method} ${url}. See GET /openapi.json for the routes of this API.`,
  unauthorized: () => `This server needs a bearer token: send the header "Authorization: Bearer <token>".`,
  tokenWrong: () => `The bearer token is not valid for this server.`,
  badRequest: (detail: string) => `Bad request: ${detail.replace(/\.$/, '')}. See GET /openapi.json for the routes of this API.`,
  internalError: () => `Internal server error. The server log has the details.`,
  modelIdInvalid: (id: string) => `Model id ${q(id)} must be letters, digits, '.', '_' or '-'. Name it with id=path, e.g. mall=models/mall.json.`,
  modelIdDuplicate: (id: string) => `Two models have the id ${q(id)}. Give one another id with id=path, e.g. ${id}-2=other/${id}.json.`,
  modelProbeFailed: (file: string, reason: string) => `${file} loads but cannot score a row: ${reason}`,
  notLoopbackWithoutToken: (host: string) =>
    `Serving on ${host}, which is not a loopback address, without a token: anyone who can reach it can use the API. Set --token or SEGKIT_TOKEN.`,

  // ECOD outliers (prep/ecod.ts)
  ecodContamination: (got: number) => `contamination must be in (0, 0.5] (the share of rows treated as outliers). Got ${got}.`,
  ecodColumns: (got: number, expected: number) => `The ECOD outlier step was fitted on ${expected} columns; these rows have ${got}.`,

  // segkit compare (model/compare-methods.ts)
  compareNoMethods: () => `Name at least one method to compare, e.g. --methods kmeans,kprototypes,gmm.`,
  // --- feature reduction: prep/pca.ts, feature-weights.ts, outliers.ts, correlation-prune.ts (issue 15) ---
  pcaTooMany: (asked: number, features: number, rows: number) =>
    `The 'pca' option asks for ${asked} components, but the prepared data has ${features} features and ${rows} rows: at most ${Math.min(features, rows)} components (and at least 2 rows). Ask for fewer, or a share of variance such as 0.9.`,
  pcaBadValue: (got: unknown) =>
    `The 'pca' option must be a whole number of components ≥ 1 or a share of variance in (0, 1). Got ${JSON.stringify(got)}.`,
  weightUnknown: (name: string, known: readonly string[]) =>
    `The 'weights' option names "${name}", which is not a prepared feature. Features: ${known.map((k) => `"${k}"`).join(', ')}.`,
  weightNotPositive: (name: string, got: number) =>
    `The 'weights' option gives "${name}" the weight ${got}; a weight must be a finite number > 0 (leave a feature out with --exclude instead).`,
  weightOnPruned: (name: string) => `The weight for "${name}" was not used: correlation pruning dropped that feature.`,
  pruneThreshold: (got: unknown) =>
    `The 'pruneCorrelated' option must be a number in (0, 1] (the |correlation| above which one of a pair is dropped). Got ${JSON.stringify(got)}.`,
  outlierLimitsOrder: (lower: number, upper: number) =>
    `The 'outliers' option has quantile limits in the wrong order: lower ${lower} must be < upper ${upper}, both in [0, 1] (e.g. q:0.01,0.99).`,
  outlierNote: (column: string, value: number, capped: boolean) =>
    `${column}: ${value} is beyond the outlier limits learned in training (${capped ? 'capped to the limit' : 'flagged, value kept'}).`,
  flagBad: (flag: string, got: string, shape: string) => `${flag} must look like ${shape}. Got ${JSON.stringify(got)}.`,
  capAndFlag: () => `--cap and --flag-outliers are two actions of one outlier rule: give one of them.`,

  // Text rendering and embeddings (embed/)
  templatePii: (column: string) => `The text template uses {${column}}, which is marked as personal data (--pii). Remove it from the template or from --pii.`,
  textRequired: (method: string) => `Method '${method}' clusters rows rendered as text; fit it through fitModel or the CLI, which render them (or give Dataset.text).`,
  embedDimsTooLarge: (dims: number, rows: number) => `The embedding asks for ${dims} dimensions but there are only ${rows} rows; use --embed-dims below ${rows}.`,
  // --- web dashboard: serve/dashboard-*.ts, serve/routes/{overview,segment,members,rename}.ts ---
  dashboardNoBuild: (dir: string) => `The dashboard is not built: ${dir} has no index.html. Run 'npm run build' first (it builds web/ with Vite).`,
  membersNeedCustomers: () => `Members, profiles and charts need the customer table: start the server with 'segkit serve <model> --customers <table>'.`,
  segmentIdInvalid: (got: string, ids: readonly number[]) => `The model has no segment ${q(got)}; its segments are ${ids.join(', ')}.`,
  modelFileGone: (file: string) => `The model file ${file} is gone (removed or moved since the server loaded it). The server keeps answering with the copy it loaded, but cannot save a rename: restore the file, or restart segkit serve with the new path.`,
  renameFileChanged: (file: string) => `${file} changed on disk since it was loaded (another writer?); reload the page and rename again.`,
  // --- self-organizing maps: cluster/som*.ts ---
  somGridTooLarge: (rows: number, cols: number, n: number) =>
    `The SOM grid rows=${rows} × cols=${cols} has ${rows * cols} neurons, more than the ${n} rows of the data, so some neurons could never win a row. Use a grid with rows × cols ≤ ${n}, or leave rows and cols out for the default of about 5·√n neurons.`,
  somTooManyClusters: (k: number, neurons: number) =>
    `nClusters=${k} is more than the ${neurons} neurons of the map; SOM segments are groups of neurons. Lower nClusters, or use a larger grid (rows, cols).`,
  somCyclicWeights: () =>
    `The SOM option order='cyclic' visits every row equally often, so it cannot honour row weights. Use order='random' (rows drawn in proportion to their weights) or training='batch'.`,
  somFewHitNeurons: (hit: number, k: number) =>
    `Only ${hit} neuron(s) of the map won a row, fewer than nClusters=${k}; the second-stage k-means weighed all neurons equally instead of by hits, so some segments may hold no customers. Lower nClusters or use a smaller grid.`,

  // CLI method flags (cli/method-flags.ts)
  gridFlag: (got: string) => `--grid must be rows x columns, e.g. 10x10. Got ${JSON.stringify(got)}.`,
  // --- hierarchical clustering: cluster/hierarchical*.ts (add new builders below this line) ---
  hierMemory: (linkage: string, rows: number, needMB: number, limitMB: number, maxRows: number) =>
    `${linkage} linkage on ${rows.toLocaleString('en-US')} rows needs the condensed distance matrix, n(n−1)/2 doubles = ${Math.ceil(needMB).toLocaleString('en-US')} MB, above maxMemoryMB=${limitMB}. ` +
    `Use linkage 'ward' (nearest-neighbour chain on centroids, no matrix) or 'single' (minimum spanning tree, no matrix), fit on a sample of at most ${maxRows.toLocaleString('en-US')} rows, or raise maxMemoryMB to ${Math.ceil(needMB)} if the machine has the memory.`,
  hierAllocFailed: (linkage: string, rows: number, needMB: number) =>
    `${linkage} linkage on ${rows.toLocaleString('en-US')} rows needs the condensed distance matrix, n(n−1)/2 doubles = ${Math.ceil(needMB).toLocaleString('en-US')} MB, and this process could not allocate it. ` +
    `Use linkage 'ward' (nearest-neighbour chain on centroids, no matrix) or 'single' (minimum spanning tree, no matrix), or fit on a sample.`,
  hierHeightAndK: (k: number, height: number) =>
    `hierarchical cuts the tree either into nClusters=${k} segments or at height=${height}, not both. Leave one of them out.`,
  hierLevelAboveK: (level: number, k: number) =>
    `The 'levels' option of hierarchical lists ${level} segments, more than the ${k} segments of the model's own cut (nClusters, height or the largest level). Every level must be ≤ ${k}; the finest level is the model's segments.`,
  hierLevelsRule: () => 'ascending integers ≥ 1, each listed once (e.g. [4, 12])',
  hierWeightsIgnored: () => `hierarchical ignores row weights: every row counts once in the merge tree (scipy's linkage has no weights either).`,
  hierLevelColumn: (k: number, kind: 'broad' | 'intermediate' | 'detailed') => `segment among the ${k} ${kind} segments`,
  kLevelsNeedHierarchical: (method: string) => `-k with a list of levels (e.g. 4,12) cuts a hierarchical tree into nested segments; method '${method}' has no tree. Use --method hierarchical, or one k.`,
  // density-based clustering: DBSCAN and HDBSCAN
  dbscanAllNoise: (eps: number, minSamples: number, suggested: number, auto: boolean) =>
    `DBSCAN with eps=${Number(eps.toPrecision(4))} and minSamples=${minSamples} found no dense region: every row is noise (segment -1). ` +
    (auto ? `eps came from the k-distance knee; try a larger eps or a smaller minSamples.` : `The k-distance curve suggests eps=${Number(suggested.toPrecision(4))}; try it, or a smaller minSamples.`),
  dbscanOneCluster: (eps: number, minSamples: number, suggested: number, auto: boolean) =>
    `DBSCAN with eps=${Number(eps.toPrecision(4))} and minSamples=${minSamples} found a single segment (besides noise). ` +
    (auto ? `eps came from the k-distance knee; try a smaller eps to split it, or a larger minSamples.` : `The k-distance curve suggests eps=${Number(suggested.toPrecision(4))}; try it, or a smaller eps to split the segment.`),
  dbscanCoreSampled: (nCore: number, kept: number, megabytes: number) =>
    `DBSCAN found ${nCore.toLocaleString('en-US')} core points; the model keeps a seeded sample of ${kept.toLocaleString('en-US')} of them for predict (maxCorePoints), so predict may call a few rows near the edge of a segment noise. Raise maxCorePoints to keep them all (about ${Math.ceil(megabytes)} MB in the model file).`,
  hdbscanAllNoise: (minClusterSize: number, minSamples: number) =>
    `HDBSCAN with minClusterSize=${minClusterSize} and minSamples=${minSamples} found no segment: every row is noise (segment -1). Try a smaller minClusterSize or minSamples, or allowSingleCluster=true if the data is one dense group.`,
  hdbscanRowsSampled: (n: number, kept: number) =>
    `HDBSCAN keeps a seeded sample of ${kept.toLocaleString('en-US')} of the ${n.toLocaleString('en-US')} training rows in the model for predict (maxModelRows), so predict on a training row may differ from its training segment near segment edges. Raise maxModelRows to keep them all.`,
  hdbscanIgnoresWeights: () => `HDBSCAN does not use row weights; every row counts once.`,
  embedModelMissing: (dir: string, missing: readonly string[]) =>
    `The embedding model folder ${dir} is missing ${missing.join(', ')}. It needs config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx (the layout transformers.js reads; export a sentence-transformers model to ONNX, e.g. with optimum).`,
  embedModelFailed: (dir: string, reason: string) => `The embedding model in ${dir} could not run: ${reason}`,
  embedModelChanged: (dir: string) => `The ONNX file in ${dir} is not the one this segmentation model was fitted with (its hash differs). Point --embed-model at the original folder, or refit.`,
  embedOutputShape: (dir: string, dims: readonly number[]) => `The embedding model in ${dir} returned an output of shape [${dims.join(', ')}]; expected token vectors [batch, tokens, hidden] or sentence vectors [batch, hidden].`,
  embedTimeout: (seconds: number) => `The embedding model did not answer within ${seconds} s.`,
  bottleneckTooWide: (bottleneck: number, features: number) => `The autoencoder's bottleneck (${bottleneck}) must be smaller than the number of features (${features}); choose --bottleneck below ${features}.`,
  ecodOutlierReason: (score: number, threshold: number) => `ECOD outlier score ${score.toFixed(2)} is above the training threshold ${threshold.toFixed(2)}`,
  noSqlForOutliers: () => `This model flags outliers with ECOD (fit --outliers ecod), which has no SQL export yet; score with 'segkit assign' instead, or refit without --outliers.`,
  // --- store, snapshots, migrations, retrain, drift: track/ ---
  storeUnreadable: (path: string, detail: string) => `The store ${path} could not be opened: ${detail}. A store is a DuckDB file written by segkit (or a postgres:// URL).`,
  storeBusy: (path: string, pid?: string) =>
    `The store ${path} is busy: another segkit process${pid ? ` (PID ${pid})` : ''} has it open for writing.`,
  storeBusyHint: () => `Run the commands one after another, or pass --wait <seconds> to wait for the other one to finish.`,
  storeNewer: (location: string, found: number, supported: number) =>
    `The store ${location} has schema version ${found}, written by a newer segkit; this segkit reads versions up to ${supported}. Upgrade segkit to use this store (it was not changed).`,
  snapshotNotFound: (asOf: string, dates: readonly string[], model?: number) =>
    `No snapshot dated ${asOf}${model !== undefined ? ` for model ${model}` : ''} in the store. Snapshots it has: ${dates.length ? dates.join(', ') : '(none yet: record one with segkit snapshot)'}.`,
  snapshotRowNumbers: () =>
    `The source has no customer ID column, so customers are recorded by row number; migrations between snapshots then compare rows, not customers. Pass --id <column>.`,
  snapshotShape: (ids: number, labels: number, confidence: number) => `A snapshot needs one segment and one confidence per customer: got ${ids} ids, ${labels} segments and ${confidence} confidences.`,
  snapshotExists: (asOf: string, model: string) => `The store already has a snapshot dated ${asOf} for ${model}.`,
  snapshotExistsHint: () => `Pass --replace to record it again (the old one is deleted in the same transaction), or use another --as-of date.`,
  datesOrder: (from: string, to: string) => `--from (${from}) must be an earlier date than --to (${to}). Swap them to see the migrations forward in time.`,
  segmentNameUnknown: (name: string, names: readonly string[]) => `No segment named ${q(name)} in the --to snapshot's model. Its segments: ${list(names, 20)}.`,
  retrainFeaturesDiffer: (missing: readonly string[], added: readonly string[], changed: readonly string[]) =>
    `The new data's features differ from the old model's, so segment ids cannot carry over: ${[
      missing.length ? `missing ${list(missing)}` : '',
      added.length ? `new ${list(added)}` : '',
      changed.length ? `another kind for ${list(changed)}` : '',
    ].filter(Boolean).join('; ')}. Give the new data the old model's columns, or fit a new model with segkit fit.`,
  retrainMethod: (method: string) =>
    `segkit retrain renumbers the segments of kmeans, kmodes, kprototypes, kmedoids, gmm and lpa models; ${q(method)} is not supported yet. Fit a new model with segkit fit --method ${method}.`,
  retrainSmallerK: (oldK: number, newK: number) =>
    `-k ${newK} is smaller than the old model's ${oldK} segments; retrain keeps every old segment id, so k must be ≥ ${oldK}.`,
  driftThresholds: (watch: number, retrain: number) => `--psi-watch (${watch}) must be below --psi-retrain (${retrain}).`,
  storeNotServed: () => `This server has no store: start it with --store <file|postgres://…> to serve snapshots and migrations.`,
  driftBaselineNeeded: () => `segkit drift needs --baseline <source>: the data the model was trained on (the same transactions file for a model fitted --from-transactions).`,
};

