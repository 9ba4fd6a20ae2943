import Conf from 'conf'

import {ConfigError} from '../errors.js'
import {configNotWritable, withConfigLock, type ConfigLockOptions} from './config-lock.js'
import {configDir} from './paths.js'

/** What one profile keeps. Values are strings; structured extras (pinned certificates) live under their own key. */
export type StoredProfile = Record<string, unknown>

/** Keys to set in a profile; `undefined` removes a key. */
export type ProfileChange = Record<string, unknown>

type Profiles = Record<string, StoredProfile>

interface ConfigShape {
  profiles?: Profiles
}

/**
 * The profile store (conf, file mode 0600). Every change re-reads the file under a cross-process
 * lock, merges, and writes it atomically, so parallel ctx runs never lose each other's changes.
 * A file that cannot be read or parsed is never overwritten: exit 3 with the file's path.
 */
export class ConfigStore {
  private constructor(
    private readonly conf: Conf<ConfigShape>,
    private readonly lock: ConfigLockOptions,
  ) {}

  static open(dir = configDir(), lock: ConfigLockOptions = {}): ConfigStore {
    let store: ConfigStore
    try {
      // No `defaults`: conf would write them while opening, outside the lock, over what another ctx just saved.
      const conf = new Conf<ConfigShape>({
        projectName: 'ctx',
        cwd: dir,
        configName: 'config',
        configFileMode: 0o600,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
      })
      store = new ConfigStore(conf, lock)
    } catch (error) {
      throw unreadable(`${dir}/config.json`, error)
    }
    store.profiles()
    return store
  }

  get path(): string {
    return this.conf.path
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
  updateProfile(name: string, change: ProfileChange | ((current: StoredProfile | undefined) => ProfileChange)): void {
    this.change((profiles) => {
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
  private change(edit: (profiles: Profiles) => Profiles): void {
    withConfigLock(
      this.path,
      () => {
        const next = edit(this.profiles())
        try {
          this.conf.set('profiles', next)
        } catch (error) {
          throw configNotWritable(this.path, error)
        }
      },
      this.lock,
    )
  }

  /** The profiles as the file holds them now: conf reads the file on every access. */
  private profiles(): Profiles {
    let profiles: unknown
    try {
      profiles = this.conf.get('profiles')
    } catch (error) {
      throw unreadable(this.path, error)
    }
    if (profiles === undefined) return {}
    if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles)) {
      throw unreadable(this.path, new Error('"profiles" is not an object'))
    }
    return {...(profiles as Profiles)}
  }
}

function unreadable(path: string, error: unknown): ConfigError {
  if (error instanceof ConfigError) return error
  return new ConfigError(`The config file ${path} cannot be read: ${(error as Error).message}`, {
    hint: `Fix or move that file (ctx leaves it untouched), or point CTX_CONFIG_DIR at another folder.`,
    cause: error,
  })
}

export function stringValue(profile: StoredProfile | undefined, key: string): string | undefined {
  const value = profile?.[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}
