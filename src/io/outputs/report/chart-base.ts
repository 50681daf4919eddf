/** What every report chart shares: the spec and rendered shapes, the look, the colours. */

/** A chart ready to render: its title, its Vega-Lite spec and the table behind it. */
export interface ChartSpec {
  id: string;
  title: string;
  spec: Record<string, unknown>;
  table: { headers: string[]; rows: Array<Array<string | number>> };
}

/** A rendered chart. */
export interface RenderedChart extends ChartSpec {
  svg: string;
  width: number;
  height: number;
}

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
export const MET = '#2e7d32';
export const NOT_MET = '#c62828';
export const NEUTRAL = '#4c78a8';
const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 260 },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', labelLimit: 260 },
  title: { fontSize: 14, anchor: 'start' },
};

/** The frame of a Vega-Lite chart: title, size, the shared look. */
export function base(title: string, width: number, height: number): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width,
    height,
    config: CONFIG,
    background: 'white',
    padding: 8,
  };
}
