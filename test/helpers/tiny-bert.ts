/**
 * A tiny BERT-shaped sentence model written from JavaScript (no Python, no downloads), in the folder
 * layout transformers.js reads: config.json, tokenizer.json (WordPiece), tokenizer_config.json and
 * onnx/model.onnx. The graph: last_hidden_state = tanh(Gather(E, input_ids) · W), with seeded random
 * E (vocab × 6) and W (6 × 6), so tests can recompute an embedding by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';

const { onnx } = onnxProto;
import { createRng } from '../../src/math/rng.js';

export const TINY_HIDDEN = 6;
export const TINY_VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'age', ':', ',', 'job', 'student', 'manager', 'retired', 'plan', 'gold', 'basic', 'city', 'paris', 'lyon', '1', '2', '3', '4', '5', '##0', '##5'];

/** The weights, for hand computations. */
export function tinyWeights(seed = 11): { e: Float32Array; w: Float32Array } {
  const rng = createRng(seed);
  const e = Float32Array.from({ length: TINY_VOCAB.length * TINY_HIDDEN }, () => rng.normal() * 0.8);
  const w = Float32Array.from({ length: TINY_HIDDEN * TINY_HIDDEN }, () => rng.normal() * 0.5);
  return { e, w };
}

const F32 = onnx.TensorProto.DataType.FLOAT, I64 = onnx.TensorProto.DataType.INT64;

function tensorInfo(name: string, type: number, dims: (number | string)[]): Onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType: type, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } } };
}

/** Writes the model folder `dir/<name>` and returns its path. `outputRank` 2 makes a broken model (for the error test). */
export function writeTinyBert(dir: string, name = 'tiny-bert', o: { seed?: number; outputRank?: 2 | 3 } = {}): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'onnx'), { recursive: true });
  const { e, w } = tinyWeights(o.seed);
  const nodes: Onnx.INodeProto[] = [
    { opType: 'Gather', input: ['E', 'input_ids'], output: ['emb'], attribute: [{ name: 'axis', i: 0, type: onnx.AttributeProto.AttributeType.INT }] },
    { opType: 'MatMul', input: ['emb', 'W'], output: ['proj'] },
    { opType: 'Tanh', input: ['proj'], output: [o.outputRank === 2 ? 'hidden3' : 'last_hidden_state'] },
  ];
  if (o.outputRank === 2) nodes.push({ opType: 'ReduceMean', input: ['hidden3'], output: ['last_hidden_state'], attribute: [{ name: 'axes', ints: [1, 2], type: onnx.AttributeProto.AttributeType.INTS }, { name: 'keepdims', i: 0, type: onnx.AttributeProto.AttributeType.INT }] });
  const graph: Onnx.IGraphProto = {
    name: 'tiny-bert',
    node: nodes,
    initializer: [
      { name: 'E', dataType: F32, dims: [TINY_VOCAB.length, TINY_HIDDEN], rawData: new Uint8Array(e.buffer) },
      { name: 'W', dataType: F32, dims: [TINY_HIDDEN, TINY_HIDDEN], rawData: new Uint8Array(w.buffer) },
    ],
    input: [tensorInfo('input_ids', I64, ['batch', 'sequence']), tensorInfo('attention_mask', I64, ['batch', 'sequence']), tensorInfo('token_type_ids', I64, ['batch', 'sequence'])],
    output: [tensorInfo('last_hidden_state', F32, o.outputRank === 2 ? ['batch'] : ['batch', 'sequence', TINY_HIDDEN])],
  };
  const model = onnx.ModelProto.encode({ irVersion: 8, opsetImport: [{ domain: '', version: 14 }], producerName: 'segkit-test', graph }).finish();
  writeFileSync(join(root, 'onnx', 'model.onnx'), model);
  writeFileSync(join(root, 'config.json'), JSON.stringify({ model_type: 'bert', hidden_size: TINY_HIDDEN, vocab_size: TINY_VOCAB.length, architectures: ['BertModel'] }));
  writeFileSync(join(root, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 64, cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]' }));
  const vocab = Object.fromEntries(TINY_VOCAB.map((t, i) => [t, i]));
  writeFileSync(join(root, 'tokenizer.json'), JSON.stringify({
    version: '1.0', truncation: null, padding: null, added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]'].map((t) => ({ id: vocab[t], content: t, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }], pair: [], special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } } },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  }));
  return root;
}
