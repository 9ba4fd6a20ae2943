// Mocha's spec reporter, closing with the plain count line CI reads: "N passed, N failed".
const Mocha = require('mocha')

const {EVENT_RUN_END} = Mocha.Runner.constants

class CountingSpec extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options)
    runner.once(EVENT_RUN_END, () => {
      const {passes, failures, pending} = this.stats
      process.stdout.write(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}\n`)
    })
  }
}

module.exports = CountingSpec
