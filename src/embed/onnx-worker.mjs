// Runs a local ONNX sentence model with transformers.js for onnx-embedder.ts, which calls it
// synchronously: each answer is posted on the port, then the shared flag is set and notified.
// Plain JavaScript so the worker needs no TypeScript loader. Remote loading is off: only the folder given.
import { workerData } from 'node:worker_threads';
import path from 'node:path';

const { port, flag } = workerData;
let loaded = null;

async function load(dir) {
  if (loaded?.dir === dir) return loaded;
  const { env, AutoTokenizer, AutoModel } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = path.dirname(dir) + path.sep;
  const name = path.basename(dir);
  const tokenizer = await AutoTokenizer.from_pretrained(name);
  const model = await AutoModel.from_pretrained(name, { dtype: 'fp32' });
  loaded = { dir, tokenizer, model };
  return loaded;
}

async function embed(dir, texts, maxLength) {
  const { tokenizer, model } = await load(dir);
  const inputs = tokenizer(texts, { padding: true, truncation: true, max_length: maxLength });
  const out = await model(inputs);
  const first = out.last_hidden_state ?? out.token_embeddings ?? out.sentence_embedding ?? Object.values(out)[0];
  const mask = inputs.attention_mask;
  return {
    dims: first.dims,
    data: Float32Array.from(first.data),
    mask: Int32Array.from(mask.data, Number),
    maskDims: mask.dims,
  };
}

port.on('message', async (m) => {
  let answer;
  try {
    answer = m.op === 'load' ? (await load(m.dir), { ok: true }) : { ok: true, ...(await embed(m.dir, m.texts, m.maxLength)) };
  } catch (e) {
    answer = { ok: false, error: e?.message ?? String(e) };
  }
  port.postMessage(answer);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
