#!/usr/bin/env -S node --import tsx --no-warnings
// Runs the TypeScript sources directly (oclif detects tsx); for development only. Run it as
// `bin/dev.js …`: the first line loads tsx, which src/cli/run.ts needs.
import {runCli} from '../src/cli/run.ts'

await runCli({development: true, dir: import.meta.url})
