#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the bundle between runs (in the OS temp folder,
// or NODE_COMPILE_CACHE), so a start does not compile the same megabyte of JavaScript again.
// Loaded after this line, not by a static import, so that it applies to the bundle.
try {
  module.enableCompileCache?.();
} catch {
  // No cache: a start is only slower.
}
const { run } = await import('../dist/idc-tui.js');
run(process.argv.slice(2));
