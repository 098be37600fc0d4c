import { clusterXml } from '../cluster-xml.js';
import type { EmulatorCluster } from '../emulator-cluster.js';
import { QueryError, el, list, listParam, type Params } from '../query-protocol.js';
import type { Action } from './action.js';

const MIN_RECORDS = 20;
const MAX_RECORDS = 100;
const MARKER_PREFIX = 'offset:';

function invalid(message: string): QueryError {
  return new QueryError(400, 'InvalidParameterValue', message);
}

function maxRecords(params: Params): number {
  const text = params.MaxRecords;
  if (text === undefined) return MAX_RECORDS;
  if (!/^-?[0-9]+$/.test(text)) throw invalid(`Invalid value '${text}' for MaxRecords. Must be an integer.`);
  const value = Number(text);
  if (value < MIN_RECORDS || value > MAX_RECORDS) {
    throw invalid(`Invalid value ${value} for MaxRecords. Must be between ${MIN_RECORDS} and ${MAX_RECORDS}.`);
  }
  return value;
}

export function encodeMarker(offset: number): string {
  return Buffer.from(`${MARKER_PREFIX}${offset}`).toString('base64');
}

function decodeMarker(marker: string, total: number): number {
  const text = Buffer.from(marker, 'base64').toString('utf8');
  const offset = text.startsWith(MARKER_PREFIX) ? Number(text.slice(MARKER_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset > total || encodeMarker(offset) !== marker) {
    throw invalid('The marker provided is not valid.');
  }
  return offset;
}

function tagFilter(params: Params): (c: EmulatorCluster) => boolean {
  const keys = listParam(params, 'TagKeys', 'TagKey') ?? [];
  const values = listParam(params, 'TagValues', 'TagValue') ?? [];
  if (keys.length === 0 && values.length === 0) return () => true;
  return (c) =>
    c.tags.some((t) => (keys.length === 0 || keys.includes(t.key)) && (values.length === 0 || values.includes(t.value)));
}

function selectClusters(params: Params, clusters: readonly EmulatorCluster[]): readonly EmulatorCluster[] {
  const id = params.ClusterIdentifier;
  if (id === undefined) return clusters.filter(tagFilter(params));
  const found = clusters.find((c) => c.identifier === id);
  if (!found) throw new QueryError(404, 'ClusterNotFound', `Cluster ${id} not found.`);
  return [found].filter(tagFilter(params));
}

export const describeClusters: Action = ({ params, clusters }) => {
  if (params.Marker !== undefined && params.ClusterIdentifier !== undefined) {
    throw new QueryError(
      400,
      'InvalidParameterCombination',
      'A marker and a cluster identifier cannot be specified in the same request.',
    );
  }
  const limit = maxRecords(params);
  const matching = selectClusters(params, clusters);
  const start = params.Marker === undefined ? 0 : decodeMarker(params.Marker, matching.length);
  const page = matching.slice(start, start + limit);
  const next = start + limit < matching.length ? encodeMarker(start + limit) : undefined;
  return list('Clusters', 'Cluster', page, clusterXml) + el('Marker', next);
};
