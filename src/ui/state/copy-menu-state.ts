import { COPY_FORMATS, type CopyFormat } from '../../domain/copy-formats.js';

/** The C menu: which format is highlighted, and for which of the token's clusters. */
export interface CopyMenuState {
  cursor: number;
  clusterIndex: number;
}

export function openCopyMenu(clusterIndex: number): CopyMenuState {
  return { cursor: 0, clusterIndex: Math.max(0, clusterIndex) };
}

export function moveCopyMenu(menu: CopyMenuState, delta: number): CopyMenuState {
  const n = COPY_FORMATS.length;
  return { ...menu, cursor: (((menu.cursor + delta) % n) + n) % n };
}

export function cycleCopyCluster(menu: CopyMenuState, delta: number, count: number): CopyMenuState {
  if (count <= 1) return menu;
  return { ...menu, clusterIndex: (((menu.clusterIndex + delta) % count) + count) % count };
}

export function copyMenuFormat(index: number): CopyFormat | undefined {
  return COPY_FORMATS[index];
}
