import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every test, and every process a test starts, keeps its idc-tui state away from the real home.
const base = mkdtempSync(join(tmpdir(), 'idc-test-xdg-'));
process.env.XDG_CONFIG_HOME ??= join(base, 'config');
process.env.XDG_STATE_HOME ??= join(base, 'state');
process.env.XDG_CACHE_HOME ??= join(base, 'cache');
process.env.AWS_EC2_METADATA_DISABLED = 'true';
// Tests that want a proxy set one: the machine's own would send the emulator's traffic elsewhere.
for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) delete process.env[name];
