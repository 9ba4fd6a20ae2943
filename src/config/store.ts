import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'

import type Conf from 'conf'

import {ensureFolder} from '../util/folders.js'
import {parseConfig, readProfiles, unreadableConfig, type Profiles, type StoredProfile} from './config-file.js'
import type {ConfigLockOptions} from './config-lock.js'
import {configDir} from './paths.js'

export type {StoredProfile} from './config-file.js'

/** Keys to set in a profile; `undefined` removes a key. */
export type ProfileChange = Record<string, unknown>

type ConfigShape = ReturnType<typeof parseConfig>

/**
 * The profile store. Reads go to the file directly (`readProfiles`), on every access; a change loads
 * conf (file mode 0600, in a folder made 0700) and the lock, re-reads the file under a cross-process
 * lock, merges, and writes it atomically, so parallel ctx runs never lose each other's changes. A file
 * that cannot be read or parsed, or is not an object of object profiles, is never overwritten: exit 3
 * with the file's path. A folder that cannot be written is exit 11 on a change.
 */
export class ConfigStore {
  private conf?: Conf<ConfigShape>

  private constructor(
    readonly path: string,
    private readonly lock: ConfigLockOptions,
    /** Set when the folder does not exist and cannot be made: nothing to read, no change possible. */
    private readonly folderError?: unknown,
  ) {}

  /** Opens the store of `dir`; a config file that cannot be read is exit 3 here already. */
  static open(dir = configDir(), lock: ConfigLockOptions = {}): ConfigStore {
    const path = join(dir, 'config.json')
    try {
      ensureFolder(dir) // 0700: it holds secrets when no keychain answers
    } catch (error) {
      // A read-only home, say: nothing saved to read, and a change says why it cannot be saved.
      if (!existsSync(dir)) return new ConfigStore(path, lock, error)
    }
    const store = new ConfigStore(path, lock)
    store.profiles()
    return store
  }

  profileNames(): string[] {
    return Object.keys(this.profiles()).sort()
  }

  profile(name: string): StoredProfile | undefined {
    return this.profiles()[name]
  }

  /**
   * Merges a change into the profile as it is on disk at that moment. A function gets the current
   * profile, for a change that builds on it (one more pinned host among the others).
   */
  async updateProfile(
    name: string,
    change: ProfileChange | ((current: StoredProfile | undefined) => ProfileChange),
  ): Promise<void> {
    await this.change((profiles) => {
      const values = typeof change === 'function' ? change(profiles[name]) : change
      const next: StoredProfile = {...profiles[name]}
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) delete next[key]
        else next[key] = value
      }
      return {...profiles, [name]: next}
    })
  }

  /** Under the lock: re-reads the profiles, applies `edit`, writes what it returns. */
  private async change(edit: (profiles: Profiles) => Profiles): Promise<void> {
    const [{default: Conf}, {withConfigLock, configNotWritable}] = await Promise.all([
      import('conf'),
      import('./config-lock.js'),
    ])
    if (this.folderError !== undefined) throw configNotWritable(this.path, this.folderError)
    try {
      // No `defaults`: conf would write them while opening, outside the lock, over what another ctx just saved.
      this.conf ??= new Conf<ConfigShape>({
        projectName: 'ctx',
        cwd: dirname(this.path),
        configName: 'config',
        configFileMode: 0o600,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
        // Conf reads the file through this on every access: a file of the wrong shape never gets further.
        deserialize: parseConfig,
      })
    } catch (error) {
      throw unreadableConfig(this.path, error)
    }
    const conf = this.conf
    withConfigLock(
      this.path,
      () => {
        const next = edit(this.profiles())
        try {
          conf.set('profiles', next)
        } catch (error) {
          throw configNotWritable(this.path, error)
        }
      },
      this.lock,
    )
  }

  /** The profiles as the file holds them now: read on every access, so a change by another ctx shows. */
  private profiles(): Profiles {
    return this.folderError === undefined ? readProfiles(this.path) : {}
  }
}

export function stringValue(profile: StoredProfile | undefined, key: string): string | undefined {
  const value = profile?.[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}
