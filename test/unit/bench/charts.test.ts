/** The benchmark charts: well-formed SVG, every series and N labelled, and drawn to scale. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { niceTicks, renderCharts } from '../../../bench/charts';
import type { BenchResults, Timing } from '../../../bench/results-types';

const timing = (p50Ms: number): Timing => ({ p50Ms, p95Ms: p50Ms * 1.5, p99Ms: p50Ms * 2 });

const SAMPLE: BenchResults = {
  command: 'npm run bench',
  // Markup characters in a label must come out escaped.
  machine: {
    cpus: 2,
    cpuModel: 'Test <CPU> & "Co"',
    node: 'v20.0.0',
    platform: 'linux x64',
    date: '2026-01-05T09:00:00.000Z',
  },
  calls: [{ scenario: 'memberships', awsCalls: 1, minimum: 1, ratio: 1 }],
  detailList: {
    latencyMs: 20,
    concurrency: 4,
    points: [1, 10, 50, 100].map((n) => ({
      n,
      gateway: { ...timing(30 + n / 10), awsCalls: n + 1 },
      naive: { ...timing(30 + n * 20), awsCalls: 2 * n + 1 },
      fanOut: { ...timing(25 + n / 5), awsCalls: n + 1 },
    })),
  },
  overhead: [],
  membershipById: {
    latencyMs: 20,
    gateway: timing(22),
    sdk: timing(21),
    ratio: 1.05,
    emptyHop: timing(1),
  },
  quota: {
    ratePerSecond: 5,
    replicas: 2,
    withoutLimiter: { answersPerSecond: 2.5, throttles: 400, errors: 40, ...timing(10) },
    withLimiter: { answersPerSecond: 4.8, throttles: 0, errors: 0, ...timing(200) },
  },
  cache: { requests: 500, off: { awsCalls: 1000 }, on: { awsCalls: 10, cacheHits: 990 } },
};

/** Throws unless `svg` is one well-formed element tree (tags nested and closed, attributes quoted). */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const token =
    /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:lt|gt|amp|quot|apos|#\d+);)/g;
  let roots = 0;
  for (const match of svg.matchAll(token)) {
    const [whole, closing, name, , selfClosing] = match;
    if (whole === '<' || whole.startsWith('&')) {
      throw new Error(
        `stray "${whole}" at ${match.index}: ${svg.slice(match.index, match.index + 60)}`,
      );
    }
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${match.index}`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots += 1;
      stack.push(name!);
    } else if (stack.length === 0) {
      roots += 1;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

type Attributes = Record<string, string>;

/** The attributes of every `<tag …>` whose class is `className`. */
function elements(svg: string, tag: string, className: string): Attributes[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\s([^>]*)>`, 'g'))]
    .map((m) =>
      Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
    )
    .filter((attributes) => attributes.class === className);
}

const textsOf = (svg: string, className: string) =>
  [...svg.matchAll(new RegExp(`<text [^>]*class="${className}"[^>]*>([^<]*)</text>`, 'g'))].map(
    (m) => m[1],
  );

const bar = (svg: string, series: string, category?: string) => {
  const found = elements(svg, 'rect', 'bar').filter(
    (b) =>
      b['data-series'] === series && (category === undefined || b['data-category'] === category),
  );
  expect(found).toHaveLength(1);
  return Number(found[0]!.height);
};

describe('renderCharts', () => {
  let dir: string;
  let files: Record<string, string>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'charts-'));
    const paths = renderCharts(SAMPLE, dir);
    files = Object.fromEntries(paths.map((path) => [basename(path), readFileSync(path, 'utf8')]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the three charts as well-formed SVG on a white background', () => {
    expect(Object.keys(files).sort()).toEqual(['cache.svg', 'detail-list.svg', 'limiter.svg']);
    for (const svg of Object.values(files)) {
      expect(svg.startsWith('<svg')).toBe(true);
      expect(() => assertWellFormed(svg)).not.toThrow();
      expect(svg).toMatch(/<rect x="0" y="0" width="\d+" height="\d+" fill="#ffffff"\/>/);
      expect(svg).toContain('Test &lt;CPU&gt; &amp; &quot;Co&quot;');
    }
  });

  it('the well-formedness check itself rejects broken markup', () => {
    expect(() => assertWellFormed('<svg><g></svg>')).toThrow();
    expect(() => assertWellFormed('<svg><text>a < b</text></svg>')).toThrow();
    expect(() => assertWellFormed('<svg><text>R&D</text></svg>')).toThrow();
    expect(() => assertWellFormed('<svg/><svg/>')).toThrow();
  });

  it('detail-list: a line per implementation, a label per N, higher time drawn higher', () => {
    const svg = files['detail-list.svg']!;
    for (const name of ['gateway', 'naive resolvers', 'hand-written SDK fan-out']) {
      expect(svg).toContain(`>${name}</text>`);
      expect(
        elements(svg, 'circle', 'point').filter((p) => p['data-series'] === name),
      ).toHaveLength(4);
    }
    expect(textsOf(svg, 'x-tick')).toEqual(['1', '10', '50', '100']);

    const points = elements(svg, 'circle', 'point');
    const y = (series: string, n: number) =>
      Number(points.find((p) => p['data-series'] === series && p['data-x'] === String(n))!.cy);
    const x = (n: number) => Number(points.find((p) => p['data-x'] === String(n))!.cx);
    // SVG's y grows downwards: the slower naive resolvers sit above the gateway.
    for (const n of [10, 50, 100]) expect(y('naive resolvers', n)).toBeLessThan(y('gateway', n));
    expect(y('naive resolvers', 100)).toBeLessThan(y('naive resolvers', 50));
    expect(x(1)).toBeLessThan(x(10));
    expect(x(50)).toBeLessThan(x(100));
  });

  it('cache: bars in proportion to the AWS calls with the cache off and on', () => {
    const svg = files['cache.svg']!;
    expect(svg).toContain('>cache off</text>');
    expect(svg).toContain('>cache on</text>');
    expect(svg).toContain('500 requests');
    const off = bar(svg, 'cache off', 'AWS calls');
    const on = bar(svg, 'cache on', 'AWS calls');
    expect(off).toBeGreaterThan(on);
    expect(on / off).toBeCloseTo(10 / 1000, 2);
    expect(bar(svg, 'cache on', 'cache hits')).toBeGreaterThan(on);
  });

  it('limiter: throttles and answers per second in two panels, each on its own scale', () => {
    const svg = files['limiter.svg']!;
    expect(svg).toContain('>without limiter</text>');
    expect(svg).toContain('>with limiter</text>');
    const throttles = [
      bar(svg, 'without limiter', 'throttles'),
      bar(svg, 'with limiter', 'throttles'),
    ];
    const answers = [
      bar(svg, 'without limiter', 'answers / s'),
      bar(svg, 'with limiter', 'answers / s'),
    ];
    expect(throttles[0]).toBeGreaterThan(0);
    expect(throttles[1]).toBe(0);
    expect(answers[1]).toBeGreaterThan(answers[0]!);
    expect(answers[0]! / answers[1]!).toBeCloseTo(2.5 / 4.8, 1);
    // On one shared axis 4.8 answers/s would be a sliver next to 400 throttles.
    expect(answers[1]).toBeGreaterThan(throttles[0]! / 2);
  });
});

describe('niceTicks', () => {
  it('covers the maximum with round steps from 0', () => {
    expect(niceTicks(2150)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(niceTicks(4.8)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
