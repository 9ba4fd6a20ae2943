import {readFileSync} from 'node:fs'

import {ConfigError} from '../errors.js'

/** What one profile keeps. Values are strings; structured extras (pinned certificates) live under their own key. */
export type StoredProfile = Record<string, unknown>

export type Profiles = Record<string, StoredProfile>

/**
 * The profiles of config.json, read with Node alone: every command reads its profile, and conf (with
 * its schema validator, ajv) costs more to import than the rest of `ctx auth status`, so conf is loaded
 * only to write. A missing file holds no profiles; a file that cannot be read, is not JSON, or is not an
 * object of object profiles is exit 3 naming the file (ctx never writes over it).
 */
export function readProfiles(path: string): Profiles {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw unreadableConfig(path, error)
  }
  let value: unknown
  try {
    value = parseConfig(text)
  } catch (error) {
    throw unreadableConfig(path, error)
  }
  return {...(value as {profiles?: Profiles}).profiles}
}

/** JSON.parse of config.json with the shape check: what conf's `deserialize` is given too, so both readers agree. */
export function parseConfig(text: string): {profiles?: Profiles} {
  const value: unknown = JSON.parse(text)
  const problem = configShapeProblem(value)
  if (problem) throw new Error(problem)
  return value as {profiles?: Profiles}
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** Why a parsed config.json is not an object of object profiles; undefined when it is. */
function configShapeProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `it holds ${kindOf(value)}, not an object`
  const {profiles} = value
  if (profiles === undefined) return undefined
  if (!isObject(profiles)) return `"profiles" is ${kindOf(profiles)}, not an object`
  for (const [name, profile] of Object.entries(profiles)) {
    if (!isObject(profile)) return `the profile "${name}" is ${kindOf(profile)}, not an object`
  }
  return undefined
}

export function unreadableConfig(path: string, error: unknown): ConfigError {
  if (error instanceof ConfigError) return error
  return new ConfigError(`The config file ${path} cannot be read: ${(error as Error).message}`, {
    hint: `Fix or move that file (ctx leaves it untouched), or point CTX_CONFIG_DIR at another folder.`,
    cause: error,
  })
}
