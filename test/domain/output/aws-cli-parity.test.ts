import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatOutput, type OutputFormat } from '../../../src/domain/output/index.js';
import { AWS_PYTHON, hasAwscliV2Python, requireOnCi } from '../../support/aws-cli-v2.js';

/**
 * Formats many values with the AWS CLI v2's own Python formatters (awscli.formatter, Debian's
 * awscli under /usr/bin/python3) and with ours, and compares the exact text. Skipped locally when
 * it is not installed; on CI that fails.
 */
const script = fileURLToPath(new URL('./awscli-formatters.py', import.meta.url));

interface Case {
  value: unknown;
  format: OutputFormat;
  color?: 'on' | 'off';
}

function pythonFormat(cases: Case[]): (string | null)[] {
  return JSON.parse(execFileSync(AWS_PYTHON, [script], { input: JSON.stringify(cases), maxBuffer: 64 * 1024 * 1024 }).toString()) as (string | null)[];
}

function ours(c: Case): string {
  return formatOutput(c.value, c.format, { color: c.color === 'on' });
}

/** Deterministic pseudo-random JSON values (mulberry32). */
function generator(seed: number) {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const words = ['Token', 'ExpirationTime', 'a', 'B', 'zeta', 'Alpha', 'x-y', '集群', 'é', 'QUJD+/x=/ab+cd==', '', ' spaced out '];
  const scalar = (): unknown => pick<() => unknown>([() => pick(words), () => Math.floor(rand() * 2000) - 1000, () => rand() < 0.5, () => null, () => 1.25])();
  const value = (depth: number): unknown => {
    if (depth <= 0 || rand() < 0.35) return scalar();
    if (rand() < 0.5) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth - 1));
    const keys = [...new Set(Array.from({ length: Math.floor(rand() * 5) }, () => pick(words.filter((w) => w !== ''))))];
    return Object.fromEntries(keys.map((k) => [k, value(depth - 1)]));
  };
  return value;
}

const handPicked: unknown[] = [
  { Token: 'QUJD+/x=/ab+cd==', ExpirationTime: '2026-11-28T14:03:12+00:00' },
  { Token: 'QUJD+/x=/ab+cd=='.repeat(90), ExpirationTime: '2026-11-28T14:03:12+00:00' },
  '2026-11-28T14:03:12+00:00',
  { A: '2026-11-28T14:03:12+00:00', B: true, C: null, D: 1.5, F: [1, 2] },
  [{ a: 1, b: 2 }, { a: 3, c: [4] }],
  [['a', 'b'], 'c'],
  [{ a: { b: [{ c: 1 }, { c: 2, d: 'x' }] } }],
  { k: [] },
  { k: {} },
  [],
  {},
  null,
  'tab\there é 集群',
];

requireOnCi('The AWS CLI v2 (Python package awscli 2)', hasAwscliV2Python);

describe.skipIf(!hasAwscliV2Python)('formatters match the AWS CLI v2 byte for byte', () => {
  it('on hand-picked values, every format, with and without colour', () => {
    const cases: Case[] = handPicked.flatMap((value) => [
      { value, format: 'json' as const },
      { value, format: 'text' as const },
      { value, format: 'table' as const },
      { value, format: 'table' as const, color: 'on' as const },
    ]);
    const expected = pythonFormat(cases);
    cases.forEach((c, i) => {
      if (expected[i] === null) expect(() => ours(c), `the CLI fails on ${JSON.stringify(c)}`).toThrow();
      else expect(ours(c), JSON.stringify(c)).toBe(expected[i]);
    });
  });

  it('on 600 generated values', () => {
    const next = generator(20261128);
    const formats: OutputFormat[] = ['json', 'text', 'table'];
    const cases: Case[] = Array.from({ length: 600 }, (_, i) => ({ value: next(4), format: formats[i % 3] as OutputFormat }));
    const expected = pythonFormat(cases);
    // Where the CLI itself crashes (e.g. text of a list mixing dicts and scalars) there is nothing to match.
    const comparable = cases.filter((_, i) => expected[i] !== null);
    expect(comparable.length).toBeGreaterThan(500);
    cases.forEach((c, i) => {
      if (expected[i] !== null) expect(ours(c), JSON.stringify(c)).toBe(expected[i]);
    });
  });
});
