// Writes oclif.manifest.json so that `ctx --help` and `ctx --version` need not import every command.
// This is what `oclif manifest` does; the oclif CLI package itself is large, so we call @oclif/core directly.
import {Plugin} from '@oclif/core'
import {writeFile} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const plugin = new Plugin({root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true})
await plugin.load()
await writeFile(new URL('../oclif.manifest.json', import.meta.url), JSON.stringify(plugin.manifest, null, 2))
