/** The API's answers as the dashboard reads them (see docs/openapi.json for the full shapes). */
export interface Chart { id: string; title: string; caption: string; spec: Record<string, unknown> }
export interface SegmentRow { id: number; name: string; size: number; share: number; valueShare: number | null }
export interface ModelSummary { id: string; method: string; segments: number; createdAt: string; loadedAt: string }
export interface Overview {
  id: string; method: string; createdAt: string; trainingRows: number; customers: number | null; valueColumn: string | null;
  palette: string[]; segments: SegmentRow[]; charts: Chart[]; metrics: Record<string, number | null>; notice: string | null;
}
export interface SegmentDetail {
  model: string; segment: SegmentRow; means: Record<string, number | null>;
  card: null | {
    apart: string[]; rules: { text: string; precision: number; coverage: number }[]; actions: { action: string; because: string[] }[];
    numbers: { feature: string; mean: number; overall: number; z: number }[]; levels: { feature: string; level: string; share: number; lift: number }[];
  };
  charts: Chart[]; notice: string | null;
}
export interface Members { model: string; total: number; offset: number; limit: number; members: { id: string; segment: number; segmentName: string; confidence: number | null }[] }
export interface Feature { name: string; kind: 'numeric' | 'boolean' | 'date' | 'categorical'; levels?: string[] }
export interface ModelDetail { id: string; method: string; idColumn: string | null; features: Feature[]; segments: { id: number; name: string }[] }
export interface Prediction {
  segment: number; segmentName: string; confidence: number | null; runnerUp: number | null; runnerUpName: string | null;
  novel: boolean; noveltyReasons: string[]; notes: string[]; probabilities?: number[];
}
export interface Similar { segment: number; segmentName: string; similar: { id: string; segment: number; segmentName: string; score: number }[] }
