import { MAX_CLUSTER_IDS, parseClusterIdList, validateClusterId, validateClusterIds } from '../../domain/cluster-ids.js';
import { appendTyped } from './typed-text.js';

/** The "type or paste cluster IDs" field (key i, or opened when listing is denied). Pure. */
export interface ManualEntryState {
  open: boolean;
  /** Kept when the field closes, so a failed or finished request can be edited again. */
  text: string;
}

export type ManualEntryAction =
  | { type: 'open'; text?: string }
  | { type: 'close' }
  | { type: 'type'; text: string }
  | { type: 'backspace' }
  | { type: 'clear' };

export const closedManualEntry: ManualEntryState = { open: false, text: '' };

/** Longest text kept: 20 IDs of 63 characters with separators, and room for junk the check will name. */
export const MANUAL_TEXT_LIMIT = 4096;

export function manualEntryReducer(state: ManualEntryState, action: ManualEntryAction): ManualEntryState {
  switch (action.type) {
    case 'open':
      return { open: true, text: action.text ?? state.text };
    case 'close':
      return state.open ? { ...state, open: false } : state;
    case 'type': {
      const text = appendTyped(state.text, action.text, MANUAL_TEXT_LIMIT);
      return text === state.text ? state : { ...state, text };
    }
    case 'backspace':
      return state.text ? { ...state, text: [...state.text].slice(0, -1).join('') } : state;
    case 'clear':
      return state.text ? { ...state, text: '' } : state;
  }
}

export function manualIds(text: string): string[] {
  return parseClusterIdList(text);
}

/** The last ID is still being typed when nothing separates it from the end of the text. */
function lastIsInProgress(text: string): boolean {
  return text.length > 0 && !/[\s,;]$/u.test(text);
}

/** A trailing hyphen on the ID being typed is a word not yet finished, not a mistake. */
function unfinished(id: string): boolean {
  return id.endsWith('-') && !id.endsWith('--') && validateClusterId(`${id}a`) === null;
}

export interface ManualCheck {
  ids: string[];
  /** The first rule broken, naming the ID, or null. */
  problem: string | null;
}

/** As the user types: the IDs so far and the first problem, lenient only with the unfinished last ID. */
export function checkManualText(text: string): ManualCheck {
  const ids = manualIds(text);
  if (ids.length === 0) return { ids, problem: null };
  const last = ids[ids.length - 1] ?? '';
  const checked = lastIsInProgress(text) && unfinished(last) ? ids.slice(0, -1) : ids;
  if (ids.length > MAX_CLUSTER_IDS) return { ids, problem: `${ids.length} cluster IDs; one token can cover at most ${MAX_CLUSTER_IDS}.` };
  const error = checked.length > 0 ? validateClusterIds(checked) : null;
  return { ids, problem: error ? error.message : null };
}

/** On Enter: every rule, the unfinished ID included. */
export function submitManualText(text: string): { ids: string[]; problem: string | null } {
  const ids = manualIds(text);
  const error = validateClusterIds(ids);
  return { ids, problem: error ? error.userText : null };
}
