/**
 * Keeps only the last occurrence of a variadic option, as the AWS CLI does with a repeated
 * `--cluster-ids` (commander would add the occurrences up). An occurrence is the flag (or
 * `--flag=value`) and the values after it up to the next option; nothing after `--` is touched.
 */
export function lastOccurrenceOnly(argv: readonly string[], flag: string): string[] {
  const isFlag = (arg: string) => arg === flag || arg.startsWith(`${flag}=`);
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  const starts = options.flatMap((arg, i) => (isFlag(arg) ? [i] : []));
  if (starts.length < 2) return [...argv];
  const dropped = new Set<number>();
  for (const start of starts.slice(0, -1)) {
    dropped.add(start);
    for (let i = start + 1; i < options.length && !(options[i] ?? '').startsWith('-'); i++) dropped.add(i);
  }
  return argv.filter((_arg, i) => !dropped.has(i));
}
