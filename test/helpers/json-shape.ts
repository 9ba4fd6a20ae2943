import assert from 'node:assert/strict'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {runCommand} from '@oclif/test'

/**
 * The shape of a JSON document: a type name ("string", "number|null"), `[element shape]` for an
 * array (`[]` when every array seen was empty), an object of key shapes (a key seen in only some of
 * the objects ends in "?"), or `{"$anyOf": [...]}` when a value was an object or array in one place
 * and something else in another (an object or null, say).
 */
export type Shape = string | Shape[] | {[key: string]: Shape}

/** Where the locked shapes live, at the repository root (not in the npm package). */
export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url))

export const updateVariable = 'UPDATE_JSON_SHAPES'

const primitiveOrder = ['boolean', 'number', 'string', 'null']

/** The shape of one JSON value (keys sorted, so that reordering a literal is no change). */
export function shapeOf(value: unknown): Shape {
  return shapeOfAll([value])
}

/** One shape for many values of the same place: the elements of an array, or several documents of one command. */
export function shapeOfAll(values: unknown[]): Shape {
  const primitives = new Set<string>()
  const arrays: unknown[][] = []
  const objects: Array<Record<string, unknown>> = []
  for (const value of values) {
    if (value === null) primitives.add('null')
    else if (Array.isArray(value)) arrays.push(value)
    else if (typeof value === 'object') objects.push(value as Record<string, unknown>)
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      primitives.add(typeof value)
    else throw new TypeError(`A ${typeof value} is not a JSON value`)
  }
  const alternatives: Shape[] = []
  if (objects.length > 0) alternatives.push(objectShape(objects))
  if (arrays.length > 0) alternatives.push(arrayShape(arrays))
  if (primitives.size > 0) alternatives.push(primitiveOrder.filter((name) => primitives.has(name)).join('|'))
  if (alternatives.length === 0) throw new TypeError('No value to take a shape of')
  return alternatives.length === 1 ? alternatives[0]! : {$anyOf: alternatives}
}

function arrayShape(arrays: unknown[][]): Shape {
  const elements = arrays.flat()
  return elements.length === 0 ? [] : [shapeOfAll(elements)]
}

function objectShape(objects: Array<Record<string, unknown>>): Shape {
  const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))].sort()
  const shape: Record<string, Shape> = {}
  for (const key of keys) {
    const holders = objects.filter((o) => Object.hasOwn(o, key))
    shape[holders.length === objects.length ? key : `${key}?`] = shapeOfAll(holders.map((o) => o[key]))
  }
  return shape
}

const render = (shape: Shape) => `${JSON.stringify(shape, null, 2)}\n`
const lockedThisRun = new Set<string>()
// .mocharc.json's spec is added to any given on the command line: --ignore keeps the run to these tests.
const updateCommand = `${updateVariable}=1 npx mocha 'test/json-shapes/**/*.test.ts'`

/**
 * Compares the shape of `samples` (one document, or several of the same command merged like array
 * elements, so that a key present in some is optional and null-or-object shows both) with
 * `schemas/<name>.json`. With UPDATE_JSON_SHAPES=1 it writes that file instead.
 */
export function expectJsonShape(name: string, ...samples: unknown[]): void {
  assert.ok(samples.length > 0, 'expectJsonShape needs a document')
  assert.ok(!lockedThisRun.has(name), `schemas/${name}.json is locked by two tests; give one another name`)
  lockedThisRun.add(name)
  const actual = render(shapeOfAll(samples))
  const path = join(schemasDir, `${name}.json`)
  if (process.env[updateVariable] === '1') {
    mkdirSync(schemasDir, {recursive: true})
    if (!existsSync(path) || readFileSync(path, 'utf8') !== actual) writeFileSync(path, actual)
    return
  }
  if (!existsSync(path)) {
    assert.fail(
      `No locked JSON shape schemas/${name}.json. Create it with \`${updateCommand}\`, read it, and commit it.`,
    )
  }
  const locked = render(JSON.parse(readFileSync(path, 'utf8')) as Shape)
  assert.equal(
    actual,
    locked,
    `The --json shape differs from schemas/${name}.json (in the diff, actual is what ctx prints now and expected the locked snapshot). If the change is meant, run \`${updateCommand}\` and commit the snapshot.`,
  )
}

/**
 * Runs a command in-process with --json and returns its parsed stdout. It must succeed, or end with
 * `exit` when given (the error document is JSON too).
 */
export async function runJson(argv: string[], options: {exit?: number} = {}): Promise<unknown> {
  const {stdout, stderr, error} = await runCommand([...argv, '--json'])
  const shown = `ctx ${argv.join(' ')} --json\nstdout: ${stdout}\nstderr: ${stderr}`
  if (options.exit === undefined) assert.equal(error, undefined, `${shown}\n${error?.message ?? ''}`)
  else assert.equal(error?.oclif?.exit, options.exit, shown)
  return JSON.parse(stdout) as unknown
}
