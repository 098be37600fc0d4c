#!/usr/bin/env node
import { run } from '../dist/idc-tui.js';

run(process.argv.slice(2));
