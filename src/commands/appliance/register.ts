import {Flags} from '@oclif/core'

import {ApplianceCommand} from '../../cli/appliance-command.js'
import {deploymentForRegion, deployments, type Deployment} from '../../citrix/appliance.js'
import {ConfigError, UsageError} from '../../errors.js'
import {registeredLine} from '../../output/registered.js'
import type {RegisterResult, UnattendedRegisterResult} from '../../services/appliance/register.js'

/** The code (and, with --wait, the end state), or the result of --unattended. */
export type ApplianceRegisterResult = RegisterResult | UnattendedRegisterResult

export default class ApplianceRegister extends ApplianceCommand<typeof ApplianceRegister> {
  static summary = 'Register a Connector Appliance with Citrix Cloud: get its code, or do it all in one command.'
  static description = `Prints the code, where to enter it and when it expires. --wait polls the appliance until it is registered with Citrix Cloud (exit 9 when the code expires or --timeout passes). --accept registers the code with Citrix Cloud at once with the profile's API client, then waits. --unattended has the appliance register itself with an API client.`
  static examples = [
    '<%= config.bin %> appliance register --host 10.0.0.5 --name ca-01 --resource-location Headquarters --wait',
    '<%= config.bin %> appliance register --host 10.0.0.5 --name ca-01 --resource-location 0f9c…-… --accept',
    '<%= config.bin %> appliance register --host 10.0.0.5 --name ca-01 --resource-location "Branch 12" --create-location --accept',
    'printf %s "$SECRET" | <%= config.bin %> appliance register --host 10.0.0.5 --name ca-01 --unattended --client-id 5f1d… --client-secret-stdin',
  ]
  static flags = {
    ...ApplianceCommand.applianceFlags,
    name: Flags.string({description: 'the name the appliance gets in Citrix Cloud (unique in its resource location)'}),
    'resource-location': Flags.string({
      description: 'resource location id or name (a choice on a terminal when missing)',
    }),
    'create-location': Flags.boolean({
      description:
        "create the resource location named by --resource-location when there is none (with the profile's API client)",
      dependsOn: ['resource-location'],
    }),
    deployment: Flags.string({
      description: "Citrix Cloud deployment (default: productionjp when the profile's region is jp, else production)",
      options: deployments,
    }),
    wait: Flags.boolean({description: 'wait until the appliance is registered with Citrix Cloud'}),
    timeout: Flags.string({description: 'how long --wait waits (e.g. 15m, 90s)', default: '15m'}),
    accept: Flags.boolean({
      description: "register the code in Citrix Cloud at once with the profile's API client, then wait",
      exclusive: ['unattended'],
    }),
    unattended: Flags.boolean({
      description: 'POST /unattendedRegistration: the appliance registers itself with an API client',
    }),
    'client-id': Flags.string({
      description: "API client id for --unattended (default: the profile's)",
      dependsOn: ['unattended'],
    }),
    'client-secret-stdin': Flags.boolean({
      description: "read the API client secret for --unattended from stdin (default: the profile's)",
      dependsOn: ['unattended'],
    }),
  }

  async run(): Promise<ApplianceRegisterResult> {
    const {flags} = this
    const [{promptText}, service, {parseDuration}] = await Promise.all([
      import('../../output/prompt.js'),
      import('../../services/appliance/register.js'),
      import('../../services/selection.js'),
    ])
    // The one duration parser (as --stale), before anything is asked or sent: a bare number is exit 2, never milliseconds.
    const timeoutMs = parseDuration(flags.timeout, '--timeout')
    const name = flags.name ?? (await promptText({message: 'Name of the appliance in Citrix Cloud', flag: '--name'}))
    // [doc] The Japan region's appliances are sent productionjp; an explicit --deployment wins.
    const deployment =
      (flags.deployment as Deployment | undefined) ?? deploymentForRegion((await this.settings()).region)
    const client = await this.appliance()
    if (flags.unattended) {
      const apiClient = await this.apiClient()
      // A name is looked up with the API client given (not the profile's), for the customer of the profile or CTX_CUSTOMER_ID.
      const resourceLocationId = flags['resource-location'] && (await this.resourceLocation(apiClient))
      const result = await service.registerApplianceUnattended({
        client,
        name,
        deployment,
        ...apiClient,
        resourceLocationId,
        audit: await this.auditContext(),
      })
      this.log(
        result.status === 'Registered'
          ? registeredLine(`The appliance ${result.host}`, ` as ${name}`)
          : `The appliance ${result.host} is not registered with Citrix Cloud (it says ${result.status}).`,
      )
      return result
    }
    const resourceLocationId = await this.resourceLocation()
    // --accept needs the API client: fail (exit 3) before the appliance hands out a code for nothing.
    if (flags.accept) (await import('../../citrix/client.js')).credentialsOf(await this.settings())
    const {createProgress} = await import('../../output/progress.js')
    const progress = createProgress()
    this.interruptible = true
    const result = await service
      .registerAppliance({
        client,
        name,
        resourceLocationId,
        deployment,
        accept: flags.accept ? (code) => this.acceptInCloud(code) : undefined,
        wait:
          flags.wait || flags.accept
            ? {
                timeoutMs,
                signal: this.abort.signal,
                onProgress: (p) =>
                  progress.update(
                    `Waiting for Citrix Cloud to register ${client.address.key}: code ${p.code} expires in ${Math.ceil(p.codeExpiresInMs / 1000)} s (check ${p.checks})`,
                  ),
              }
            : undefined,
        onCode: (r) => this.showCode(r, flags.accept || flags.wait),
      })
      .finally(() => progress.done())
    if (result.status === 'Registered') this.log(registeredLine(`The appliance ${result.host}`, ` as ${name}`))
    return result
  }

  private showCode(result: RegisterResult, waiting: boolean): void {
    this.log(
      `Code:             ${result.code}\nVerification URL: ${result.verificationUrl}\nExpires:          ${result.expiryTimestamp}`,
    )
    if (this.flags.accept) return
    this.note(
      `Next: sign in to Citrix Cloud at ${result.verificationUrl} (Identity and Access Management > API Access > Product Registrations), choose Register, enter the code ${result.code}, Continue, check the details, and Register.`,
    )
    this.note(
      waiting
        ? 'Waiting until the appliance is registered with Citrix Cloud…'
        : `Then check with: ctx appliance status --host ${result.host} (or run this again with --wait).`,
    )
  }

  private async acceptInCloud(code: string): Promise<void> {
    const {acceptApplianceCode} = await import('../../services/appliance/register.js')
    const product = await acceptApplianceCode(await this.citrix(), code, await this.auditContext())
    this.note(registeredLine(`The code ${code}`, ` (instance ${product.id})`))
  }

  /** Who registers, for the audit log that `ctx product history` shows. */
  private async auditContext(): Promise<{profile: string; customer: string}> {
    const settings = await this.settings()
    return {profile: settings.profile, customer: settings.customerId ?? ''}
  }

  /** The Citrix client that looks a resource location up: the API client given for --unattended, else the profile's. */
  private async cloud(apiClient?: {clientId: string; clientSecret: string}) {
    if (!apiClient) return this.citrix()
    const settings = await this.settings()
    if (!settings.customerId) {
      throw new ConfigError(
        `Looking up the resource location "${this.flags['resource-location']}" needs the customer id of the API client given.`,
        {
          hint: "Set CTX_CUSTOMER_ID (or the profile's customer-id), or pass the resource location's id, which needs no look-up.",
        },
      )
    }
    return this.context.citrixFor({...settings, ...apiClient, secretSource: 'env'}, () => this.context.http())
  }

  private async resourceLocation(apiClient?: {clientId: string; clientSecret: string}): Promise<string> {
    const [{resolveResourceLocation, resourceLocationsOf}, {canPrompt, promptSelect}] = await Promise.all([
      import('../../services/resource-location/resolve.js'),
      import('../../output/prompt.js'),
    ])
    const value = this.flags['resource-location']
    if (value && this.flags['create-location']) {
      const {findOrAddResourceLocation} = await import('../../services/resource-location/ensure.js')
      const {id, created} = await findOrAddResourceLocation(await this.cloud(apiClient), value)
      if (created) this.note(`Created the resource location "${created.name}" (${created.id}).`)
      return id
    }
    if (value) return resolveResourceLocation(value, resourceLocationsOf(await this.cloud(apiClient)))
    if (!canPrompt())
      throw new UsageError('A resource location is needed and there is no terminal to ask on.', {
        hint: 'Pass --resource-location <id|name> (`ctx resource-location list` shows them).',
      })
    const locations = await resourceLocationsOf(await this.citrix())()
    return promptSelect({
      message: 'Resource location',
      flag: '--resource-location',
      choices: locations.map((l) => ({name: `${l.name}  ${l.id}`, value: l.id})),
    })
  }

  private async apiClient(): Promise<{clientId: string; clientSecret: string}> {
    const settings = await this.settings()
    const clientId = this.flags['client-id'] ?? settings.clientId
    const clientSecret = this.flags['client-secret-stdin']
      ? await (await import('../../util/stdin.js')).readStdinSecret(process.stdin, '--client-secret-stdin')
      : settings.clientSecret
    if (!clientId)
      throw new UsageError('--unattended needs an API client id.', {hint: 'Pass --client-id (or set CTX_CLIENT_ID).'})
    if (!clientSecret)
      throw new UsageError('--unattended needs the API client secret.', {
        hint: 'Pipe it in with --client-secret-stdin (or set CTX_CLIENT_SECRET).',
      })
    return {clientId, clientSecret}
  }
}
