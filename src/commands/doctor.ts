import {BaseCommand} from '../cli/base-command.js'
import {paint} from '../output/colors.js'
import {renderTable, type Column} from '../output/table.js'
import {runDoctorChecks, type CheckStatus, type DoctorCheck} from '../services/doctor.js'

export interface DoctorResult {
  /** No check failed. */
  ok: boolean
  checks: DoctorCheck[]
}

const shown: Record<CheckStatus, (text: string) => string> = {pass: paint.ok, warn: paint.warn, fail: paint.error}

export default class Doctor extends BaseCommand<typeof Doctor> {
  static summary = 'Check config, credentials, proxy, CA bundle, the API host, a token and the clock.'
  static description =
    'Each check passes, warns or fails with a hint. Exits 0 when nothing failed, else with the exit code of the first failure.'
  static reportsConfig = true
  static examples = [
    '<%= config.bin %> doctor',
    '<%= config.bin %> doctor --profile prod --json',
    '<%= config.bin %> doctor --sandbox',
  ]

  async run(): Promise<DoctorResult> {
    const checks = await runDoctorChecks({
      openStore: () => this.configStore(),
      settings: () => this.settings(),
      http: (caBundle) => this.context.newHttp({caBundle}),
      citrix: (settings, http) => this.context.citrixFor(settings, http),
    })
    // The detail wraps to fit the terminal: cutting it would lose what the check found.
    const columns: Array<Column<DoctorCheck>> = [
      {header: 'Check', value: (c) => c.name},
      {header: 'Result', value: (c) => c.status, paint: (c) => shown[c.status]},
      {header: 'Detail', value: (c) => c.message, priority: 1, shrink: 20, wrap: true},
    ]
    this.log(renderTable(columns, checks))
    for (const check of checks) if (check.hint && check.status !== 'pass') this.note(`${check.name}: ${check.hint}`)
    const firstFailure = checks.find((c) => c.status === 'fail')
    // The checks are the result (under --json too), so a failure sets the exit code instead of throwing.
    if (firstFailure) process.exitCode = firstFailure.exitCode ?? 1
    return {ok: !firstFailure, checks}
  }
}
