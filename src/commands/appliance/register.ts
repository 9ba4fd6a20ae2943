import {Flags} from '@oclif/core'

import {ApplianceCommand} from '../../cli/appliance-command.js'
import {deploymentForRegion, deployments, type Deployment} from '../../citrix/appliance.js'
import {UsageError} from '../../errors.js'
import type {RegisterResult, UnattendedRegisterResult} from '../../services/appliance/register.js'

/** The code (and, with --wait, the end state), or the result of --unattended. */
export type ApplianceRegisterResult = RegisterResult | UnattendedRegisterResult

export default class ApplianceRegister extends ApplianceCommand<typeof ApplianceRegister> {
  static summary = 'Register a Connector Appliance with Citrix Cloud: get its code, or do it all in one command.'
  static description = `Prints the code, where to enter it and when it expires. --wait polls the appliance until Citrix Cloud has registered it (exit 9 when the code expires or --timeout passes). --accept registers the code in Citrix Cloud at once with the profile's API client, then waits. --unattended has the appliance register itself with an API client.`
  static examples = [
    '<%= config.bin %> appliance register --host 10.0.0.5 --name ca-01 --resource-location Headquarters --wait',
    '<%= config.bin %> appliance register --host 10.0.0.5 --name ca-01 --resource-location 0f9c…-… --accept',
    'printf %s "$SECRET" | <%= config.bin %> appliance register --host 10.0.0.5 --name ca-01 --unattended --client-id 5f1d… --client-secret-stdin',
  ]
  static flags = {
    ...ApplianceCommand.applianceFlags,
    name: Flags.string({description: 'the name the appliance gets in Citrix Cloud (unique in its resource location)'}),
    'resource-location': Flags.string({description: 'resource location id or name (a choice on a terminal when missing)'}),
    deployment: Flags.string({description: "Citrix Cloud deployment (default: productionjp when the profile's region is jp, else production)", options: deployments}),
    wait: Flags.boolean({description: 'wait until Citrix Cloud has registered the appliance'}),
    timeout: Flags.string({description: 'how long --wait waits (e.g. 15m, 90s)', default: '15m'}),
    accept: Flags.boolean({description: "register the code in Citrix Cloud at once with the profile's API client, then wait", exclusive: ['unattended']}),
    unattended: Flags.boolean({description: 'POST /unattendedRegistration: the appliance registers itself with an API client'}),
    'client-id': Flags.string({description: 'API client id for --unattended (default: the profile\'s)', dependsOn: ['unattended']}),
    'client-secret-stdin': Flags.boolean({description: 'read the API client secret for --unattended from stdin (default: the profile\'s)', dependsOn: ['unattended']}),
  }

  async run(): Promise<ApplianceRegisterResult> {
    const {flags} = this
    const [{promptText}, service] = await Promise.all([import('../../output/prompt.js'), import('../../services/appliance/register.js')])
    const name = flags.name ?? (await promptText({message: 'Name of the appliance in Citrix Cloud', flag: '--name'}))
    // [doc] The Japan region's appliances are sent productionjp; an explicit --deployment wins.
    const deployment = (flags.deployment as Deployment | undefined) ?? deploymentForRegion((await this.settings()).region)
    const client = await this.appliance()
    if (flags.unattended) {
      const result = await service.registerApplianceUnattended({client, name, deployment, ...(await this.apiClient()), resourceLocationId: flags['resource-location'] && (await this.resourceLocation())})
      this.log(`The appliance ${result.host} is ${result.status} as ${name}.`)
      return result
    }
    const resourceLocationId = await this.resourceLocation()
    // --accept needs the API client: fail (exit 3) before the appliance hands out a code for nothing.
    if (flags.accept) (await import('../../citrix/client.js')).credentialsOf(await this.settings())
    const timeoutMs = (await import('ms')).default(flags.timeout as '15m')
    if (typeof timeoutMs !== 'number' || timeoutMs <= 0) throw new UsageError(`--timeout "${flags.timeout}" is not a duration.`, {hint: 'Use e.g. 15m, 90s or 1h.'})
    const {createProgress} = await import('../../output/progress.js')
    const progress = createProgress()
    this.interruptible = true
    const result = await service.registerAppliance({
      client, name, resourceLocationId, deployment,
      accept: flags.accept ? (code) => this.acceptInCloud(code) : undefined,
      wait: flags.wait || flags.accept ? {timeoutMs, signal: this.abort.signal, onProgress: (p) => progress.update(`Waiting for Citrix Cloud to register ${client.address.key}: code ${p.code} expires in ${Math.ceil(p.codeExpiresInMs / 1000)} s (check ${p.checks})`)} : undefined,
      onCode: (r) => this.showCode(r, flags.accept || flags.wait),
    }).finally(() => progress.done())
    if (result.status === 'Registered') this.log(`The appliance ${result.host} is registered with Citrix Cloud as ${name}.`)
    return result
  }

  private showCode(result: RegisterResult, waiting: boolean): void {
    this.log(`Code:             ${result.code}\nVerification URL: ${result.verificationUrl}\nExpires:          ${result.expiryTimestamp}`)
    if (this.flags.accept) return
    this.note(`Next: sign in to Citrix Cloud at ${result.verificationUrl} (Identity and Access Management > API Access > Product Registrations), choose Register, enter the code ${result.code}, Continue, check the details, and Register.`)
    this.note(waiting ? 'Waiting until Citrix Cloud has registered the appliance…' : `Then check with: ctx appliance status --host ${result.host} (or run this again with --wait).`)
  }

  private async acceptInCloud(code: string): Promise<void> {
    const {acceptApplianceCode} = await import('../../services/appliance/register.js')
    const product = await acceptApplianceCode(await this.citrix(), code)
    this.note(`Registered the code ${code} in Citrix Cloud (instance ${product.id}).`)
  }

  private async resourceLocation(): Promise<string> {
    const [{resolveResourceLocation, resourceLocationsOf}, {canPrompt, promptSelect}] = await Promise.all([import('../../services/resource-location/resolve.js'), import('../../output/prompt.js')])
    const value = this.flags['resource-location']
    if (value) return resolveResourceLocation(value, resourceLocationsOf(await this.citrix()))
    if (!canPrompt()) throw new UsageError('A resource location is needed and there is no terminal to ask on.', {hint: 'Pass --resource-location <id|name> (`ctx resource-location list` shows them).'})
    const locations = await resourceLocationsOf(await this.citrix())()
    return promptSelect({message: 'Resource location', flag: '--resource-location', choices: locations.map((l) => ({name: `${l.name}  ${l.id}`, value: l.id}))})
  }

  private async apiClient(): Promise<{clientId: string; clientSecret: string}> {
    const settings = await this.settings()
    const clientId = this.flags['client-id'] ?? settings.clientId
    const clientSecret = this.flags['client-secret-stdin'] ? await (await import('../../util/stdin.js')).readStdinSecret(process.stdin, '--client-secret-stdin') : settings.clientSecret
    if (!clientId) throw new UsageError('--unattended needs an API client id.', {hint: 'Pass --client-id (or set CTX_CLIENT_ID).'})
    if (!clientSecret) throw new UsageError('--unattended needs the API client secret.', {hint: 'Pipe it in with --client-secret-stdin (or set CTX_CLIENT_SECRET).'})
    return {clientId, clientSecret}
  }
}
