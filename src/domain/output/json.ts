/**
 * AWS CLI `--output json`: Python's json.dump(indent=4, ensure_ascii=False) and a newline.
 * An empty object prints nothing, as in the CLI (operations without a body).
 */
export function formatJson(value: unknown): string {
  if (isEmptyObject(value)) return '';
  // JSON.stringify and Python's json module escape the same characters (", \, and control
  // characters, \uXXXX in lowercase hex) once ensure_ascii is off; both leave / and non-ASCII.
  return `${JSON.stringify(value === undefined ? null : value, null, 4)}\n`;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.constructor === Object && Object.keys(value).length === 0;
}
