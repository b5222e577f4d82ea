/**
 * Vega-Lite spec → SVG on the server (vega's headless View, renderer 'none'), and SVG → PNG with
 * @resvg/resvg-js (no native build, system fonts). The report embeds the SVG, so it needs no script
 * and no network when opened.
 * @module
 */
import * as vl from 'vega-lite';
import * as vega from 'vega';
import { Resvg } from '@resvg/resvg-js';

/** The chart as an SVG string. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec as any).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** An SVG as PNG bytes, `width` pixels wide. */
export function svgToPng(svg: string, width = 1000): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true }, background: 'white' }).render().asPng();
}
