/**
 * Reading a fit's diagnostics the same way for every method: the cost is `inertia`, else `cost`
 * (K-Prototypes, K-Modes), else −`logLikelihood` (mixtures); BIC and ICL when reported.
 * @module
 */

/** Name of the cost a method reports, or null when it reports none. */
export function costName(diagnostics: Readonly<Record<string, number>>): 'inertia' | 'cost' | 'negLogLikelihood' | null {
  if (Number.isFinite(diagnostics.inertia)) return 'inertia';
  if (Number.isFinite(diagnostics.cost)) return 'cost';
  if (Number.isFinite(diagnostics.logLikelihood)) return 'negLogLikelihood';
  return null;
}

/** The cost of a fit (lower is better), or null. */
export function costOf(diagnostics: Readonly<Record<string, number>>): number | null {
  switch (costName(diagnostics)) {
    case 'inertia':
      return diagnostics.inertia;
    case 'cost':
      return diagnostics.cost;
    case 'negLogLikelihood':
      return -diagnostics.logLikelihood;
    default:
      return null;
  }
}

/** A finite diagnostic, or null. */
export function diagnostic(diagnostics: Readonly<Record<string, number>>, name: string): number | null {
  const v = diagnostics[name];
  return Number.isFinite(v) ? v : null;
}
