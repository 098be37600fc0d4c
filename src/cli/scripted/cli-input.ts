import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { AppError } from '../../domain/errors.js';

/** The operation input --cli-input-json may carry: the same members as --generate-cli-skeleton input. */
export interface CliInput {
  ClusterIds?: string[];
}

const KEYS = ['ClusterIds'];
const HINT = 'Give a JSON object like `idc-tui --generate-cli-skeleton` prints, e.g. {"ClusterIds": ["my-cluster"]}.';

const bad = (message: string, cause?: unknown) => new AppError('usage', message, { hint: HINT, cause });

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

async function readSource(value: string): Promise<{ text: string; from: string }> {
  if (!value.startsWith('file://')) return { text: value, from: '--cli-input-json' };
  const raw = value.slice('file://'.length);
  const path = raw === '~' || raw.startsWith('~/') ? `${homedir()}${raw.slice(1)}` : raw;
  try {
    return { text: await readFile(path, 'utf8'), from: `--cli-input-json file ${path}` };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new AppError('usage', `Cannot read the --cli-input-json file "${path}" (${reason}).`, {
      hint: 'Check the path after file:// (relative paths start from the current directory).',
      cause: error,
    });
  }
}

/** Reads --cli-input-json (a JSON string or file://path) and checks its shape: unknown keys and wrong types are usage errors (exit 252). */
export async function readCliInput(value: string): Promise<CliInput> {
  const { text, from } = await readSource(value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw bad(`${from} is not valid JSON: ${detail}`, error);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw bad(`${from} must be a JSON object, not ${typeName(parsed)}.`);
  }
  const unknown = Object.keys(parsed).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0) {
    throw bad(`${from} has an unknown key ${JSON.stringify(unknown[0])}; the only key is ClusterIds.`);
  }
  const ids = (parsed as Record<string, unknown>)['ClusterIds'];
  if (ids === undefined) return {};
  if (!Array.isArray(ids)) throw bad(`ClusterIds in ${from} must be a list of strings, not ${typeName(ids)}.`);
  const index = ids.findIndex((id) => typeof id !== 'string');
  if (index >= 0) throw bad(`ClusterIds[${index}] in ${from} must be a string, not ${typeName(ids[index])}.`);
  return { ClusterIds: ids as string[] };
}
