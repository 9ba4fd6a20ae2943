// Writes docs/commands.md, the command reference, from the command definitions as oclif sees them: the
// manifest `npm run build` writes (oclif.manifest.json: summaries, descriptions, flags, arguments,
// examples), plus the completion plugin's. test/e2e/commands-doc.test.ts fails when the file is stale.
//   node scripts/commands-doc.mjs           writes docs/commands.md (after `npm run build`)
//   node scripts/commands-doc.mjs --check   exits 1 when docs/commands.md is not what it would write
import {readFile, writeFile} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const target = `${root}docs/commands.md`

const readJson = async (path) => JSON.parse(await readFile(`${root}${path}`, 'utf8'))

const bin = 'ctx'
const cell = (text) =>
  String(text ?? '')
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ')
const spaced = (id) => id.replaceAll(':', ' ')
const expand = (text) => text.replaceAll('<%= config.bin %>', bin).replace(/^\$ /, '')

function flagName(flag) {
  const value = flag.type === 'option' ? ` <${flag.options ? flag.options.join('|') : 'value'}>` : ''
  return `${flag.char ? `-${flag.char}, ` : ''}--${flag.name}${value}${flag.multiple ? '…' : ''}`
}

function flagNotes(flag) {
  const notes = []
  if (flag.required) notes.push('required')
  if (flag.default !== undefined && flag.default !== false) notes.push(`default ${JSON.stringify(flag.default)}`)
  if (flag.allowNo) notes.push(`--no-${flag.name} to turn off`)
  if (flag.env) notes.push(`env ${flag.env}`)
  return notes.join('; ')
}

function flagTable(flags) {
  if (flags.length === 0) return []
  return [
    '| flag | description | notes |',
    '|---|---|---|',
    ...flags.map((f) => `| \`${cell(flagName(f))}\` | ${cell(f.summary ?? f.description)} | ${cell(flagNotes(f))} |`),
    '',
  ]
}

function usage(command) {
  const args = Object.values(command.args ?? {}).map((arg) => {
    const name = arg.options ? arg.options.join('|') : arg.name.toUpperCase()
    return arg.required ? `<${name}>` : `[${name}${command.strict === false ? '…' : ''}]`
  })
  const own = Object.values(command.flags).filter((f) => !f.hidden && f.helpGroup !== 'GLOBAL')
  return [bin, spaced(command.id), ...args, ...(own.length ? ['[flags]'] : [])].join(' ')
}

function section(command) {
  const lines = [`## \`${bin} ${spaced(command.id)}\``, '', cell(command.summary ?? command.description), '']
  if (command.summary && command.description) lines.push(command.description, '')
  lines.push('```', usage(command), '```', '')
  const args = Object.values(command.args ?? {})
  if (args.length) {
    lines.push(
      '| argument | description |',
      '|---|---|',
      ...args.map(
        (a) => `| \`${a.name}\` | ${cell(a.description)}${a.options ? ` (one of ${a.options.join(', ')})` : ''} |`,
      ),
      '',
    )
  }
  const own = Object.values(command.flags).filter((f) => !f.hidden && f.helpGroup !== 'GLOBAL')
  lines.push(...flagTable(own))
  if (command.aliases?.length)
    lines.push(`Also: ${command.aliases.map((a) => `\`${bin} ${spaced(a)}\``).join(', ')}.`, '')
  const examples = (command.examples ?? []).map((e) =>
    typeof e === 'string' ? expand(e) : `${expand(e.command)}   # ${e.description}`,
  )
  if (examples.length) lines.push('```sh', ...examples, '```', '')
  return lines
}

export async function commandsMarkdown() {
  const pjson = await readJson('package.json')
  const commands = [
    ...Object.values((await readJson('oclif.manifest.json')).commands),
    ...Object.values((await readJson('node_modules/@oclif/plugin-autocomplete/oclif.manifest.json')).commands),
  ]
    .filter((c) => !c.hidden)
    .sort((a, b) => a.id.localeCompare(b.id))
  const globals = Object.values(commands.find((c) => c.pluginName === pjson.name)?.flags ?? {}).filter(
    (f) => f.helpGroup === 'GLOBAL',
  )
  const topics = pjson.oclif.topics ?? {}
  const lines = [
    '# ctx command reference',
    '',
    '<!-- Written by `node scripts/commands-doc.mjs` from the command definitions (after `npm run build`); do not edit. -->',
    '',
    `Every command of ctx ${pjson.version}, with its flags and examples. \`ctx help <command>\` prints the same at a terminal;`,
    'exit codes and settings are in the [README](../README.md).',
    '',
    '| command | summary |',
    '|---|---|',
    ...commands.map(
      (c) =>
        `| [\`${bin} ${spaced(c.id)}\`](#${`${bin}-${spaced(c.id)}`.replaceAll(' ', '-').replace(/[^a-z0-9-]/g, '')}) | ${cell(c.summary ?? c.description?.split('\n')[0])} |`,
    ),
    '',
    '## Global flags',
    '',
    `Every ${bin} command takes these (the completion commands aside).`,
    '',
    ...flagTable(globals),
    '## Topics',
    '',
    ...Object.entries(topics).map(([name, topic]) => `- \`${bin} ${name}\`: ${topic.description}`),
    '',
  ]
  for (const command of commands) lines.push(...section(command))
  return `${lines.join('\n').trimEnd()}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await commandsMarkdown()
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => '')
    if (current !== text) {
      console.error('docs/commands.md is out of date: run `npm run docs:commands` and commit it.')
      process.exit(1)
    }
  } else {
    await writeFile(target, text)
    console.log(`Wrote docs/commands.md (${text.split('\n').length} lines).`)
  }
}
