// Medians, percentiles and the printed table of the benchmark.

export function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export const median = (values) => percentile(values, 50);

function formatValue(value, unit) {
  if (!Number.isFinite(value)) return '—';
  const digits = unit === '×' || unit === '% core' || unit === '/s' || Math.abs(value) < 10 ? 2 : 0;
  return `${value.toFixed(digits)}${unit && unit !== '×' ? ` ${unit}` : unit}`;
}

/** Rows of {measure, value, unit, target?, pass?, note?} as an aligned text table. */
export function formatTable(rows) {
  const cells = rows.map((r) => [r.measure, formatValue(r.value, r.unit), r.target ?? r.note ?? '', r.target ? (r.value === null || r.value === undefined ? 'not measured' : r.pass ? 'PASS' : 'MISS') : '']);
  const head = ['measure', 'median', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => (i === 1 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n');
}
