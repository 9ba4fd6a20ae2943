import Conf from 'conf'

import {ConfigError} from '../errors.js'
import {configDir} from './paths.js'

/** What one profile keeps. Values are strings; structured extras (pinned certificates) live under their own key. */
export type StoredProfile = Record<string, unknown>

interface ConfigShape {
  profiles: Record<string, StoredProfile>
}

/**
 * The profile store (conf, file mode 0600). A file that cannot be read or parsed is never
 * overwritten: opening it fails with exit 3 and the file's path.
 */
export class ConfigStore {
  private constructor(private readonly conf: Conf<ConfigShape>) {}

  static open(dir = configDir()): ConfigStore {
    try {
      const conf = new Conf<ConfigShape>({
        projectName: 'ctx',
        cwd: dir,
        configName: 'config',
        configFileMode: 0o600,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
        defaults: {profiles: {}},
      })
      const profiles: unknown = conf.get('profiles')
      if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles)) {
        throw new Error('"profiles" is not an object')
      }
      return new ConfigStore(conf)
    } catch (error) {
      if (error instanceof ConfigError) throw error
      const path = `${dir}/config.json`
      throw new ConfigError(`The config file ${path} cannot be read: ${(error as Error).message}`, {
        hint: `Fix or move that file (ctx leaves it untouched), or point CTX_CONFIG_DIR at another folder.`,
        cause: error,
      })
    }
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

  /** Merges `values` into the profile; `undefined` removes a key. */
  updateProfile(name: string, values: Record<string, unknown>): void {
    const profiles = this.profiles()
    const next: StoredProfile = {...profiles[name]}
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete next[key]
      else next[key] = value
    }
    this.conf.set('profiles', {...profiles, [name]: next})
  }

  deleteProfile(name: string): boolean {
    const profiles = this.profiles()
    if (!profiles[name]) return false
    delete profiles[name]
    this.conf.set('profiles', profiles)
    return true
  }

  private profiles(): Record<string, StoredProfile> {
    return {...this.conf.get('profiles')}
  }
}

export function stringValue(profile: StoredProfile | undefined, key: string): string | undefined {
  const value = profile?.[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}
