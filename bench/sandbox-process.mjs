// A sandbox in its own process for the benchmarks, so that it does not share a CPU core's event
// loop with the command being measured. Prints {"url": …} once listening; ends on SIGTERM.
//   node bench/sandbox-process.mjs <dataDir> '<settings JSON>' '<faults JSON>'
const {startSandbox} = await import('../dist/sandbox/start.js')

const [dataDir, settings = '{}', faults = '{}'] = process.argv.slice(2)
const sandbox = await startSandbox({dataDir, settings: JSON.parse(settings), faults: JSON.parse(faults), reset: true})
process.stdout.write(`${JSON.stringify({url: sandbox.url})}\n`)
process.on('SIGTERM', async () => {
  await sandbox.close()
  process.exit(0)
})
