/** Scripted mode: idc-tui as a drop-in for `aws redshift get-identity-center-auth-token`. */
export { readCliInput, type CliInput } from './cli-input.js';
export { createDebugLog, type DebugLog } from './debug-log.js';
export { formatOutputSkeleton, formatResult } from './format-result.js';
export { reportScriptedError } from './report.js';
export { resolveClusterIds, runScripted, type ScriptedIo } from './run-scripted.js';
export { resolveOutputSettings, type OutputSettings, type ResolvedSettings, type SettingsIo } from './settings.js';
