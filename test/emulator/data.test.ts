import { describe, expect, it } from 'vitest';
import { demoClusters, generateClusters, type EmulatorCluster } from '../../src/emulator/server.js';

const VALID_ID = /^[a-z](?!.*--)[a-z0-9-]{0,62}(?<!-)$/;

function checkShape(clusters: EmulatorCluster[]): void {
  expect(new Set(clusters.map((c) => c.identifier)).size).toBe(clusters.length);
  for (const c of clusters) {
    expect(c.identifier).toMatch(VALID_ID);
    expect(Number.isNaN(Date.parse(c.clusterCreateTime))).toBe(false);
    if (c.status === 'creating') {
      expect(c.endpoint).toBeUndefined();
      expect(c.dbName).toBeUndefined();
    } else {
      expect(c.endpoint).toEqual({ address: `${c.identifier}.abc123xyz.us-east-1.redshift.amazonaws.com`, port: 5439 });
      expect(c.dbName).toBeTruthy();
    }
  }
}

describe('demo clusters', () => {
  const demo = demoClusters();

  it('are a few dozen realistic clusters, the same every time', () => {
    expect(demo.length).toBeGreaterThanOrEqual(30);
    expect(demoClusters()).toEqual(demo);
    checkShape(demo);
  });

  it('mix node types, states and tags', () => {
    expect(new Set(demo.map((c) => c.nodeType))).toEqual(new Set(['ra3.xlplus', 'ra3.4xlarge', 'ra3.16xlarge', 'dc2.large']));
    const states = new Set(demo.map((c) => c.status));
    for (const state of ['available', 'paused', 'creating', 'modifying', 'resuming', 'rebooting']) expect(states).toContain(state);
    expect(demo.filter((c) => c.status === 'available').length).toBeGreaterThan(demo.length / 2);
    for (const c of demo) expect(c.tags.map((t) => t.key)).toEqual(['env', 'team', 'owner', 'cost-center']);
  });
});

describe('generated clusters', () => {
  it('are deterministic, unique, valid and mostly available', () => {
    const big = generateClusters(1000);
    expect(big).toHaveLength(1000);
    expect(generateClusters(1000)).toEqual(big);
    expect(generateClusters(10)).toEqual(big.slice(0, 10));
    checkShape(big);
    expect(big.filter((c) => c.status === 'available').length).toBeGreaterThan(800);
    expect(big[0]?.identifier).toMatch(/^[a-z]+-[a-z]+-1$/);
  });
});
