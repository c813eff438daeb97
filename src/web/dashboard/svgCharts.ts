import { escapeHtml } from '../html';

/**
 * Bar charts as inline SVG, drawn on the server: no script, no chart library, nothing the page's
 * Content-Security-Policy has to allow. Each chart is an image named by its title, described by
 * a sentence, and followed by a table of the same numbers, for screen readers and for reading
 * exact values. Colours come from the Okabe–Ito palette, which colour-blind readers can tell
 * apart, and every series is also named in a legend.
 */
export interface Series {
  name: string;
  colour: string;
}

export interface ChartRow {
  label: string;
  /** One value per series, in the series' order. */
  values: readonly number[];
}

export interface ChartSpec {
  /** Unique on the page: the ids of the chart's title and description derive from it. */
  id: string;
  title: string;
  /** A sentence saying what the chart shows, read out with the title. */
  summary: string;
  series: readonly Series[];
  rows: readonly ChartRow[];
  /** The first column's heading in the table under the chart. */
  rowHeading: string;
}

export const PALETTE = { blue: '#0072B2', orange: '#E69F00', vermillion: '#D55E00', green: '#009E73', grey: '#8C8C8C', sky: '#56B4E9' } as const;

const FONT = 'font-family="Segoe UI, system-ui, sans-serif"';

function total(row: ChartRow): number {
  return row.values.reduce((sum, value) => sum + value, 0);
}

/** A scale's top: the largest total rounded up to a readable number, at least 1. */
function niceMax(rows: readonly ChartRow[]): number {
  const max = Math.max(1, ...rows.map(total));
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= max / 4) ?? magnitude;
  return Math.ceil(max / step) * step;
}

function svgOpen(spec: ChartSpec, width: number, height: number): string {
  return `<svg class="chart" viewBox="0 0 ${String(width)} ${String(height)}" width="100%" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" ${FONT} font-size="13">` +
    `<title id="${spec.id}-title">${escapeHtml(spec.title)}</title><desc id="${spec.id}-desc">${escapeHtml(spec.summary)}</desc>`;
}

function legend(series: readonly Series[], y: number, x = 0): string {
  let at = x;
  return series
    .map((entry) => {
      const item = `<rect x="${String(at)}" y="${String(y - 10)}" width="12" height="12" fill="${entry.colour}"/><text x="${String(at + 17)}" y="${String(y)}" fill="#333">${escapeHtml(entry.name)}</text>`;
      at += 30 + entry.name.length * 7.5;
      return item;
    })
    .join('');
}

/** Short enough for an axis label: longer titles end with an ellipsis (the table has them whole). */
function clip(label: string, chars: number): string {
  return label.length <= chars ? label : `${label.slice(0, chars - 1).trimEnd()}…`;
}

/** The table of the chart's numbers, with a total column when there is more than one series. */
export function chartTable(spec: ChartSpec): string {
  const many = spec.series.length > 1;
  const head = `<tr><th scope="col">${escapeHtml(spec.rowHeading)}</th>${spec.series.map((entry) => `<th scope="col">${escapeHtml(entry.name)}</th>`).join('')}${many ? '<th scope="col">Total</th>' : ''}</tr>`;
  const body = spec.rows
    .map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th>${row.values.map((value) => `<td>${String(value)}</td>`).join('')}${many ? `<td>${String(total(row))}</td>` : ''}</tr>`)
    .join('');
  return `<table aria-label="${escapeHtml(spec.title)}, as a table"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** Columns, one per row (a day), stacked by series, with a value axis. */
export function columnChart(spec: ChartSpec): string {
  const width = 720;
  const height = 260;
  const left = 40;
  const top = 28;
  const bottom = 40;
  const plot = height - top - bottom;
  const max = niceMax(spec.rows);
  const slot = (width - left - 8) / Math.max(1, spec.rows.length);
  const bar = Math.max(4, Math.min(36, slot * 0.7));
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((fraction) => {
      const y = top + plot - fraction * plot;
      return `<line x1="${String(left)}" x2="${String(width)}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e3e3e3"/><text x="${String(left - 6)}" y="${(y + 4).toFixed(1)}" text-anchor="end" fill="#555">${String(Math.round(max * fraction))}</text>`;
    })
    .join('');
  // Every label when they fit, otherwise every few counted back from the last (today), so that they never overlap.
  const labelEvery = Math.max(1, Math.ceil(60 / slot));
  const columns = spec.rows
    .map((row, index) => {
      const x = left + index * slot + (slot - bar) / 2;
      let y = top + plot;
      const parts = row.values
        .map((value, part) => {
          const h = (value / max) * plot;
          y -= h;
          const series = spec.series[part];
          return value === 0 || !series ? '' : `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${series.colour}"><title>${escapeHtml(`${row.label}: ${String(value)} ${series.name.toLowerCase()}`)}</title></rect>`;
        })
        .join('');
      const label = (spec.rows.length - 1 - index) % labelEvery === 0 ? `<text x="${(x + bar / 2).toFixed(1)}" y="${String(top + plot + 16)}" text-anchor="middle" fill="#555">${escapeHtml(row.label)}</text>` : '';
      return parts + label;
    })
    .join('');
  return `${svgOpen(spec, width, height)}${legend(spec.series, 14, left)}${grid}${columns}</svg>`;
}

/**
 * Horizontal bars, one per row, stacked by series, each with its total at its end. Drawn narrow,
 * as they sit two to a row on a laptop, so that their text stays as large as the page's.
 */
export function barChart(spec: ChartSpec): string {
  const width = 460;
  const labelWidth = 180;
  const rowHeight = 26;
  const top = 28;
  const height = top + Math.max(1, spec.rows.length) * rowHeight + 8;
  const max = niceMax(spec.rows);
  const room = width - labelWidth - 36;
  const bars = spec.rows
    .map((row, index) => {
      const y = top + index * rowHeight;
      let x = labelWidth;
      const parts = row.values
        .map((value, part) => {
          const w = (value / max) * room;
          const series = spec.series[part];
          const rect = value === 0 || !series ? '' : `<rect x="${x.toFixed(1)}" y="${String(y + 4)}" width="${w.toFixed(1)}" height="${String(rowHeight - 8)}" fill="${series.colour}"><title>${escapeHtml(`${row.label}: ${String(value)} ${series.name.toLowerCase()}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      return `<text x="${String(labelWidth - 8)}" y="${String(y + rowHeight / 2 + 4)}" text-anchor="end" fill="#222">${escapeHtml(clip(row.label, 22))}</text>${parts}<text x="${(x + 6).toFixed(1)}" y="${String(y + rowHeight / 2 + 4)}" fill="#333">${String(total(row))}</text>`;
    })
    .join('');
  const empty = spec.rows.length === 0 ? `<text x="${String(labelWidth)}" y="${String(top + 17)}" fill="#555">Nothing yet.</text>` : '';
  return `${svgOpen(spec, width, height)}${legend(spec.series, 14, labelWidth)}${bars}${empty}</svg>`;
}
