import {existsSync} from 'node:fs'
import {join} from 'node:path'

import Conf from 'conf'

import {ConfigError} from '../errors.js'
import {ensureFolder} from '../util/folders.js'
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
 * The profile store (conf, file mode 0600, in a folder made 0700). Every change re-reads the file under
 * a cross-process lock, merges, and writes it atomically, so parallel ctx runs never lose each other's
 * changes. A file that cannot be read or parsed, or is not an object of object profiles, is never
 * overwritten: exit 3 with the file's path. A folder that cannot be written is exit 11 on a change.
 */
export class ConfigStore {
  private constructor(
    /** Undefined when the folder does not exist and cannot be made: nothing to read, no change possible. */
    private readonly conf: Conf<ConfigShape> | undefined,
    readonly path: string,
    private readonly lock: ConfigLockOptions,
    private readonly folderError?: unknown,
  ) {}

  static open(dir = configDir(), lock: ConfigLockOptions = {}): ConfigStore {
    const path = join(dir, 'config.json')
    try {
      ensureFolder(dir) // 0700: it holds secrets when no keychain answers
    } catch (error) {
      // A read-only home, say: nothing saved to read, and a change says why it cannot be saved.
      if (!existsSync(dir)) return new ConfigStore(undefined, path, lock, error)
    }
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
        // Conf reads the file through this on every access: a file of the wrong shape never gets further.
        deserialize: parseConfig,
      })
      store = new ConfigStore(conf, path, lock)
    } catch (error) {
      throw unreadable(path, error)
    }
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
    const conf = this.conf
    if (!conf) throw configNotWritable(this.path, this.folderError)
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

  /** The profiles as the file holds them now: conf reads the file on every access. */
  private profiles(): Profiles {
    if (!this.conf) return {}
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** Why a parsed config.json is not an object of object profiles; undefined when it is. */
export function configShapeProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `it holds ${kindOf(value)}, not an object`
  const {profiles} = value
  if (profiles === undefined) return undefined
  if (!isObject(profiles)) return `"profiles" is ${kindOf(profiles)}, not an object`
  for (const [name, profile] of Object.entries(profiles)) {
    if (!isObject(profile)) return `the profile "${name}" is ${kindOf(profile)}, not an object`
  }
  return undefined
}

function parseConfig(text: string): ConfigShape {
  const value: unknown = JSON.parse(text)
  const problem = configShapeProblem(value)
  if (problem) throw new Error(problem)
  return value as ConfigShape
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
