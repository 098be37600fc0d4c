import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import type { Cluster } from '../../domain/cluster.js';
import { statusColor } from './colors.js';
import { useTint } from '../color-context.js';

/** At the side from this many columns; narrower terminals show it below the table after d. */
export const WIDE_COLUMNS = 140;
export const SIDE_WIDTH = 46;
/** Lines the pane takes below the table. */
export const DETAIL_BELOW_LINES = 4;

const LABEL = 10;

function endpointText(cluster: Cluster): string {
  return cluster.endpoint ? `${cluster.endpoint.address}:${cluster.endpoint.port}` : '— (no endpoint yet)';
}

function chunk(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function nodesText(cluster: Cluster): string {
  if (!cluster.nodeType) return '—';
  return `${cluster.nodes ?? 1} × ${cluster.nodeType}`;
}

function tagTexts(cluster: Cluster): string[] {
  return Object.entries(cluster.tags).map(([k, v]) => (v ? `${k}=${v}` : k));
}

function StatusText({ cluster }: { cluster: Cluster }) {
  const tint = useTint();
  return (
    <Text>
      <Text color={tint(statusColor(cluster.status))}>{cluster.status}</Text>
      {cluster.availability ? <Text dimColor>{` · ${cluster.availability}`}</Text> : null}
    </Text>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text wrap="truncate-end">
      <Text dimColor>{label.padEnd(LABEL)}</Text>
      {children}
    </Text>
  );
}

/** The highlighted cluster in full, at the side of the table: height lines exactly. */
export const DetailSide = memo(function DetailSide({ cluster, width, height }: { cluster: Cluster | undefined; width: number; height: number }) {
  const lines: ReactNode[] = [];
  if (!cluster) {
    lines.push(
      <Text key="none" dimColor>
        No cluster highlighted.
      </Text>,
    );
  } else {
    const tags = tagTexts(cluster);
    const endpointLines = cluster.endpoint ? chunk(cluster.endpoint.address, Math.max(8, width - 3 - LABEL)) : [];
    lines.push(
      <Text key="id" bold wrap="truncate-end">
        {cluster.id}
      </Text>,
      <Field key="status" label="Status">
        <StatusText cluster={cluster} />
      </Field>,
      <Field key="endpoint" label="Endpoint">
        {endpointLines[0] ?? '—'}
      </Field>,
      ...endpointLines.slice(1).map((line, i) => <Text key={`endpoint:${i}`} wrap="truncate-end">{`${' '.repeat(LABEL)}${line}`}</Text>),
      <Field key="port" label="Port">
        {cluster.endpoint ? String(cluster.endpoint.port) : '—'}
      </Field>,
      <Field key="db" label="Database">
        {cluster.dbName ?? '—'}
      </Field>,
      <Field key="az" label="AZ">
        {cluster.az ?? '—'}
      </Field>,
      <Field key="nodes" label="Nodes">
        {nodesText(cluster)}
      </Field>,
      <Field key="tags" label="Tags">
        {tags.length === 0 ? '—' : (tags[0] as string)}
      </Field>,
      ...tags.slice(1).map((tag) => (
        <Text key={`tag:${tag}`} wrap="truncate-end">{`${' '.repeat(LABEL)}${tag}`}</Text>
      )),
    );
  }
  const inner = Math.max(1, width - 2);
  const shown = lines.slice(0, Math.max(1, height));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden" borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} borderDimColor>
      <Box flexDirection="column" width={inner} marginLeft={1}>
        {shown}
      </Box>
    </Box>
  );
});

/** The highlighted cluster in DETAIL_BELOW_LINES lines under the table, for narrow terminals. */
export const DetailBelow = memo(function DetailBelow({ cluster, width }: { cluster: Cluster | undefined; width: number }) {
  if (!cluster) {
    return (
      <Box flexDirection="column" width={width} height={DETAIL_BELOW_LINES}>
        <Text dimColor>── no cluster highlighted</Text>
      </Box>
    );
  }
  const tags = tagTexts(cluster);
  return (
    <Box flexDirection="column" width={width} height={DETAIL_BELOW_LINES} overflow="hidden">
      <Text wrap="truncate-end">
        <Text dimColor>── </Text>
        <Text bold>{cluster.id}</Text>
        <Text>{'  '}</Text>
        <StatusText cluster={cluster} />
      </Text>
      <Field label="Endpoint">{endpointText(cluster)}</Field>
      <Text wrap="truncate-end">
        <Text dimColor>{'Database'.padEnd(LABEL)}</Text>
        {cluster.dbName ?? '—'}
        <Text dimColor>{'   AZ '}</Text>
        {cluster.az ?? '—'}
        <Text dimColor>{'   Nodes '}</Text>
        {nodesText(cluster)}
      </Text>
      <Field label="Tags">{tags.length === 0 ? '—' : tags.join(', ')}</Field>
    </Box>
  );
});
