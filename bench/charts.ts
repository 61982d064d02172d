/**
 * SVG charts of the benchmark results, drawn by a small renderer of its own (no dependencies):
 * a line chart and a grouped bar chart of one or more side-by-side panels, each with axes,
 * ticks, labels, a legend and a title, on a white background so that they read the same on
 * GitHub's light and dark themes.
 *
 * `renderCharts(results, outDir)` writes detail-list.svg, cache.svg and limiter.svg. Run
 * `node -r ts-node/register/transpile-only bench/charts.ts [results.json] [outDir]` to draw them
 * again from a results file (default bench/results/latest.json, next to which they are written).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchResults } from './results-types';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
/** Line dashes, so that lines lying on top of each other stay visible (and tell apart in grey). */
const DASHES = ['', '8 4', '3 3', '12 4 3 4'];
const dash = (i: number) => {
  const pattern = DASHES[i % DASHES.length];
  return pattern ? ` stroke-dasharray="${pattern}"` : '';
};
const INK = '#1f2328';
const MUTED = '#59636e';
const GRID = '#d1d9e0';
const FONT =
  'font-family="-apple-system, BlinkMacSystemFont, Segoe UI, Helvetica, Arial, sans-serif"';

export interface LineSeries {
  name: string;
  /** One value per entry of the chart's `x`. */
  values: number[];
}

export interface LineChart {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  series: LineSeries[];
}

export interface BarPanel {
  title: string;
  yLabel: string;
  /** The groups along the x axis. */
  categories: string[];
  /** One bar per series in every group; `values[i]` belongs to `categories[i]`. */
  series: Array<{ name: string; values: number[] }>;
}

export interface BarChart {
  title: string;
  subtitle?: string;
  /** Side by side, each with its own y axis (for metrics of different scales). */
  panels: BarPanel[];
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );

const px = (value: number) => String(Math.round(value * 10) / 10);

/** A number as a tick or value label: thousands separated, at most 3 significant digits below. */
export function formatNumber(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return String(Number(value.toPrecision(3)));
}

/** Round ticks from 0 to at least `max` (steps of 1, 2, 2.5 or 5 × 10ⁿ). */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((f) => f * magnitude >= raw) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let i = 0; i * step < max + step / 2 && ticks.length <= count * 2; i++) {
    ticks.push(Number((i * step).toPrecision(12)));
  }
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

function text(
  x: number,
  y: number,
  content: string,
  attrs: { anchor?: 'start' | 'middle' | 'end'; size?: number; fill?: string; extra?: string } = {},
): string {
  return (
    `<text x="${px(x)}" y="${px(y)}" text-anchor="${attrs.anchor ?? 'start'}" ` +
    `font-size="${attrs.size ?? 12}" fill="${attrs.fill ?? INK}"${attrs.extra ? ` ${attrs.extra}` : ''}>` +
    `${escapeXml(content)}</text>`
  );
}

function svgDocument(
  width: number,
  height: number,
  title: string,
  subtitle: string | undefined,
  body: string[],
): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" ${FONT}>`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    text(width / 2, 26, title, { anchor: 'middle', size: 16, extra: 'font-weight="600"' }),
    ...(subtitle
      ? [text(width / 2, 44, subtitle, { anchor: 'middle', size: 11, fill: MUTED })]
      : []),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** A row of coloured swatches with names, centred on `centerX`. */
function legend(names: string[], centerX: number, y: number, shape: 'line' | 'box'): string[] {
  const widths = names.map((name) => 28 + name.length * 6.6);
  let x = centerX - widths.reduce((a, b) => a + b, 0) / 2;
  return names.map((name, i) => {
    const color = COLORS[i % COLORS.length]!;
    const swatch =
      shape === 'line'
        ? `<line x1="${px(x)}" y1="${px(y - 4)}" x2="${px(x + 18)}" y2="${px(y - 4)}" stroke="${color}" stroke-width="3"${dash(i)}/>`
        : `<rect x="${px(x + 2)}" y="${px(y - 10)}" width="12" height="12" fill="${color}"/>`;
    const item = `<g class="legend-item">${swatch}${text(x + 21, y, name)}</g>`;
    x += widths[i]!;
    return item;
  });
}

/** Horizontal grid lines, y tick labels and the rotated y axis label of a plot area. */
function yAxis(plot: Rect, ticks: number[], label: string): string[] {
  const top = ticks[ticks.length - 1]!;
  const out = ticks.map((tick) => {
    const y = plot.y + plot.height - (tick / top) * plot.height;
    return (
      `<line x1="${px(plot.x)}" y1="${px(y)}" x2="${px(plot.x + plot.width)}" y2="${px(y)}" stroke="${GRID}" stroke-width="1"/>` +
      text(plot.x - 8, y + 4, formatNumber(tick), { anchor: 'end', size: 11, fill: MUTED })
    );
  });
  const cx = plot.x - 48;
  const cy = plot.y + plot.height / 2;
  out.push(
    text(cx, cy, label, { anchor: 'middle', extra: `transform="rotate(-90 ${px(cx)} ${px(cy)})"` }),
  );
  out.push(
    `<line x1="${px(plot.x)}" y1="${px(plot.y)}" x2="${px(plot.x)}" y2="${px(plot.y + plot.height)}" stroke="${INK}" stroke-width="1"/>`,
    `<line x1="${px(plot.x)}" y1="${px(plot.y + plot.height)}" x2="${px(plot.x + plot.width)}" y2="${px(plot.y + plot.height)}" stroke="${INK}" stroke-width="1"/>`,
  );
  return out;
}

/**
 * The x position of each value: linear, or logarithmic (said in the axis label) when the
 * values are positive and a linear axis would crowd their labels.
 */
function xScale(values: number[], plot: Rect): { at: (v: number) => number; log: boolean } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return { at: () => plot.x + plot.width / 2, log: false };
  const linear = (v: number) => plot.x + ((v - min) / (max - min)) * plot.width;
  const sorted = [...values].sort((a, b) => a - b);
  const minGap = Math.min(...sorted.slice(1).map((v, i) => linear(v) - linear(sorted[i]!)));
  if (minGap >= 32 || min <= 0) return { at: linear, log: false };
  const [lo, hi] = [Math.log(min), Math.log(max)];
  return { at: (v) => plot.x + ((Math.log(v) - lo) / (hi - lo)) * plot.width, log: true };
}

export function lineChart(chart: LineChart): string {
  const width = 720;
  const height = 420;
  const plot: Rect = { x: 80, y: 88, width: width - 80 - 32, height: height - 88 - 64 };
  const ticks = niceTicks(Math.max(0, ...chart.series.flatMap((s) => s.values)));
  const top = ticks[ticks.length - 1]!;
  const yAt = (v: number) => plot.y + plot.height - (v / top) * plot.height;
  const x = xScale(chart.x, plot);
  const body = [
    ...legend(
      chart.series.map((s) => s.name),
      width / 2,
      68,
      'line',
    ),
    ...yAxis(plot, ticks, chart.yLabel),
    ...chart.x.map((n) =>
      text(x.at(n), plot.y + plot.height + 18, formatNumber(n), {
        anchor: 'middle',
        size: 11,
        fill: MUTED,
        extra: 'class="x-tick"',
      }),
    ),
    text(plot.x + plot.width / 2, height - 16, `${chart.xLabel}${x.log ? ' (log scale)' : ''}`, {
      anchor: 'middle',
    }),
    ...chart.series.map((series, i) => {
      const color = COLORS[i % COLORS.length]!;
      const points = chart.x.map((n, j) => [x.at(n), yAt(series.values[j] ?? 0)] as const);
      const path = points
        .map(([cx, cy], j) => `${j === 0 ? 'M' : 'L'}${px(cx)},${px(cy)}`)
        .join(' ');
      const dots = points.map(
        ([cx, cy], j) =>
          `<circle class="point" data-series="${escapeXml(series.name)}" data-x="${chart.x[j]}" data-value="${series.values[j]}" cx="${px(cx)}" cy="${px(cy)}" r="3.5" fill="${color}"/>`,
      );
      return [
        `<g class="series" data-series="${escapeXml(series.name)}">`,
        `<path d="${path}" fill="none" stroke="${color}" stroke-width="2.5"${dash(i)}/>`,
        ...dots,
        '</g>',
      ].join('\n');
    }),
  ];
  return svgDocument(width, height, chart.title, chart.subtitle, body);
}

function barPanel(panel: BarPanel, area: Rect): string[] {
  const plot: Rect = {
    x: area.x + 72,
    y: area.y + 28,
    width: area.width - 72 - 12,
    height: area.height - 28 - 40,
  };
  const ticks = niceTicks(Math.max(0, ...panel.series.flatMap((s) => s.values)));
  const top = ticks[ticks.length - 1]!;
  const groupWidth = plot.width / panel.categories.length;
  const barWidth = Math.min(56, (groupWidth * 0.7) / panel.series.length);
  const out = [
    text(plot.x + plot.width / 2, area.y + 12, panel.title, {
      anchor: 'middle',
      size: 13,
      extra: 'font-weight="600"',
    }),
    ...yAxis(plot, ticks, panel.yLabel),
  ];
  panel.categories.forEach((category, c) => {
    const center = plot.x + groupWidth * (c + 0.5);
    out.push(
      text(center, plot.y + plot.height + 18, category, {
        anchor: 'middle',
        fill: MUTED,
        extra: 'class="x-tick"',
      }),
    );
    panel.series.forEach((series, s) => {
      const value = series.values[c] ?? 0;
      const height = (Math.max(0, value) / top) * plot.height;
      const x = center - (barWidth * panel.series.length) / 2 + s * barWidth;
      const y = plot.y + plot.height - height;
      out.push(
        `<rect class="bar" data-series="${escapeXml(series.name)}" data-category="${escapeXml(category)}" data-value="${value}" x="${px(x + 2)}" y="${px(y)}" width="${px(barWidth - 4)}" height="${px(height)}" fill="${COLORS[s % COLORS.length]}"/>`,
        text(x + barWidth / 2, y - 5, formatNumber(value), { anchor: 'middle', size: 11 }),
      );
    });
  });
  return out;
}

export function barChart(chart: BarChart): string {
  const panelWidth = chart.panels.length > 1 ? 360 : 560;
  const width = panelWidth * chart.panels.length + 24;
  const height = 400;
  const names = chart.panels[0]?.series.map((s) => s.name) ?? [];
  const body = [
    ...legend(names, width / 2, 68, 'box'),
    ...chart.panels.flatMap((panel, i) =>
      barPanel(panel, { x: 12 + i * panelWidth, y: 84, width: panelWidth, height: height - 84 }),
    ),
  ];
  return svgDocument(width, height, chart.title, chart.subtitle, body);
}

function machineLine(results: BenchResults): string {
  const m = results.machine;
  return `${m.cpus} × ${m.cpuModel}, Node ${m.node}, ${m.platform}, ${m.date.slice(0, 10)}`;
}

/** Writes detail-list.svg, cache.svg and limiter.svg into `outDir`; returns their paths. */
export function renderCharts(results: BenchResults, outDir: string): string[] {
  const { detailList, cache, quota } = results;
  /** One metric of the quota scenario, without and with the limiter, on its own axis. */
  const limiterPanel = (
    title: string,
    yLabel: string,
    metric: 'throttles' | 'answersPerSecond',
  ): BarPanel => ({
    title,
    yLabel,
    categories: [metric === 'throttles' ? 'throttles' : 'answers / s'],
    series: [
      { name: 'without limiter', values: [quota.withoutLimiter[metric]] },
      { name: 'with limiter', values: [quota.withLimiter[metric]] },
    ],
  });
  const charts: Record<string, string> = {
    'detail-list.svg': lineChart({
      title: 'A list with its details: time to answer (p50) by list length',
      subtitle: `AWS latency ${detailList.latencyMs} ms, ${detailList.concurrency} concurrent requests · ${machineLine(results)}`,
      xLabel: 'N, items in the list',
      yLabel: 'p50 (ms)',
      x: detailList.points.map((p) => p.n),
      series: [
        { name: 'gateway', values: detailList.points.map((p) => p.gateway.p50Ms) },
        { name: 'naive resolvers', values: detailList.points.map((p) => p.naive.p50Ms) },
        { name: 'hand-written SDK fan-out', values: detailList.points.map((p) => p.fanOut.p50Ms) },
      ],
    }),
    'cache.svg': barChart({
      title: `Read cache: AWS calls for ${formatNumber(cache.requests)} requests`,
      subtitle: machineLine(results),
      panels: [
        {
          title: `per ${formatNumber(cache.requests)} GraphQL requests`,
          yLabel: 'count',
          categories: ['AWS calls', 'cache hits'],
          series: [
            { name: 'cache off', values: [cache.off.awsCalls, 0] },
            { name: 'cache on', values: [cache.on.awsCalls, cache.on.cacheHits] },
          ],
        },
      ],
    }),
    'limiter.svg': barChart({
      title: `Shared AWS rate limiter: ${quota.replicas} replicas, quota ${formatNumber(quota.ratePerSecond)} calls/s`,
      subtitle: machineLine(results),
      panels: [
        limiterPanel('AWS throttles (lower is better)', 'throttled AWS calls', 'throttles'),
        limiterPanel('Useful answers (higher is better)', 'answers per second', 'answersPerSecond'),
      ],
    }),
  };
  mkdirSync(outDir, { recursive: true });
  return Object.entries(charts).map(([file, svg]) => {
    const path = join(outDir, file);
    writeFileSync(path, svg);
    return path;
  });
}

if (require.main === module) {
  const input = process.argv[2] ?? join(__dirname, 'results', 'latest.json');
  const outDir = process.argv[3] ?? dirname(input);
  const results = JSON.parse(readFileSync(input, 'utf8')) as BenchResults;
  for (const path of renderCharts(results, outDir)) console.log(`wrote ${path}`);
}
