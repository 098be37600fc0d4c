import { AppError } from './errors.js';

/**
 * A list option's values as the AWS CLI reads them: one value that starts with "[" is a JSON list
 * (`--cluster-ids '["a","b"]'`); anything else is the values themselves (the shorthand `a b`).
 */
export function listArgument(option: string, member: string, values: readonly string[]): string[] {
  const [only] = values;
  if (values.length !== 1 || only === undefined || !only.trimStart().startsWith('[')) return [...values];
  let parsed: unknown;
  try {
    parsed = JSON.parse(only);
  } catch (error) {
    throw new AppError('usage', `Error parsing parameter '${option}': Invalid JSON: ${(error as Error).message}`, {
      hint: `Give ${option} as values (a b) or as a JSON list of strings ('["a", "b"]').`,
    });
  }
  if (!Array.isArray(parsed)) {
    throw new AppError('usage', `Error parsing parameter '${option}': expected a JSON list of strings.`, { hint: `For example: ${option} '["a", "b"]'.` });
  }
  const index = parsed.findIndex((item) => typeof item !== 'string');
  if (index >= 0) {
    const item: unknown = parsed[index];
    const type = item === null ? 'null' : typeof item;
    throw new AppError('usage', `Invalid type for parameter ${member}[${index}], value: ${JSON.stringify(item)}, type: ${type}, valid types: string`, {
      hint: `Each item of ${option} must be a string.`,
    });
  }
  return parsed as string[];
}
