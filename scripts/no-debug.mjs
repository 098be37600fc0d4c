// Stands in for the debug package inside the bundle: see the alias in scripts/build.mjs.
export default function createDebug() {
  const log = () => {};
  log.enabled = false;
  return log;
}
