import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/domain/cluster.js';
import { filterClusters, filterTerms, matchesTerms, narrowsFilter } from '../../src/domain/filter.js';

const cluster = (id: string, extra: Partial<Cluster> = {}): Cluster => ({ id, status: 'available', tags: {}, ...extra });

const clusters: Cluster[] = [
  cluster('analytics-prod', { nodeType: 'ra3.4xlarge', dbName: 'warehouse', tags: { team: 'Finance', env: 'prod' } }),
  cluster('analytics-dev', { status: 'paused', nodeType: 'ra3.xlplus', dbName: 'dev', tags: { team: 'finance', env: 'dev' } }),
  cluster('etl-east', { status: 'modifying', nodeType: 'dc2.large', tags: { owner: 'data-platform' } }),
  cluster('reporting', { nodeType: 'ra3.xlplus', dbName: 'reports' }),
];

const ids = (list: readonly Cluster[]) => list.map((c) => c.id);

describe('filterTerms', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['Prod', ['prod']],
    ['  ra3   FINANCE ', ['ra3', 'finance']],
    ['a\tb\nc', ['a', 'b', 'c']],
  ])('%j → %j', (text, terms) => {
    expect(filterTerms(text)).toEqual(terms);
  });
});

describe('filterClusters', () => {
  it.each([
    { text: '', expected: ['analytics-prod', 'analytics-dev', 'etl-east', 'reporting'] },
    { text: 'analytics', expected: ['analytics-prod', 'analytics-dev'] },
    { text: 'ANALYTICS PROD', expected: ['analytics-prod'] },
    { text: 'paused', expected: ['analytics-dev'] },
    { text: 'xlplus', expected: ['analytics-dev', 'reporting'] },
    { text: 'warehouse', expected: ['analytics-prod'] },
    { text: 'finance', expected: ['analytics-prod', 'analytics-dev'] },
    { text: 'finance dev', expected: ['analytics-dev'] },
    { text: 'platform', expected: ['etl-east'] },
    { text: 'owner', expected: [] },
    { text: 'analytics nomatch', expected: [] },
    { text: 'modif east', expected: ['etl-east'] },
  ])('$text → $expected', ({ text, expected }) => {
    expect(ids(filterClusters(clusters, text))).toEqual(expected);
  });

  it('returns the same array when there is nothing to filter by', () => {
    expect(filterClusters(clusters, '  ')).toBe(clusters);
  });

  it('needs each term inside one field, not across two', () => {
    expect(matchesTerms(cluster('ab', { dbName: 'cd' }), ['bc'])).toBe(false);
  });

  it('copes with a cluster without node type or DB', () => {
    expect(matchesTerms(cluster('x', { status: 'creating' }), ['creating'])).toBe(true);
  });
});

describe('narrowsFilter', () => {
  it.each([
    { text: 'analyt', previous: 'analy', narrows: true },
    { text: 'analytics prod', previous: 'analytics', narrows: true },
    { text: 'prod analytics', previous: 'ANALYTICS', narrows: true },
    { text: 'analy', previous: 'analyt', narrows: false },
    { text: 'prod', previous: 'analytics', narrows: false },
    { text: 'anything', previous: '', narrows: false },
    { text: '', previous: 'a', narrows: false },
  ])('$previous → $text: $narrows', ({ text, previous, narrows }) => {
    expect(narrowsFilter(text, previous)).toBe(narrows);
  });

  it('looking among the previous matches gives what filtering everything gives', () => {
    for (const [previous, text] of [['a', 'an'], ['an', 'analytics p'], ['e', 'et e'], ['fin', 'finance dev']] as const) {
      expect(narrowsFilter(text, previous)).toBe(true);
      expect(filterClusters(filterClusters(clusters, previous), text)).toEqual(filterClusters(clusters, text));
    }
  });
});
