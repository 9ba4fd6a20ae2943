// Stands in for another ctx process: its own ConfigStore on the shared folder, changing only its
// own profile as fast as it can. Says "ready" once loaded and starts on the first line of stdin, so
// that the test can start several of them at the same moment.
import {once} from 'node:events'

import {ConfigStore} from '../../src/config/store.js'

const [dir, profile, changes] = process.argv.slice(2) as [string, string, string]
const store = ConfigStore.open(dir)
process.stdout.write('ready\n')
await once(process.stdin, 'data')
for (let i = 0; i < Number(changes); i++) await store.updateProfile(profile, {[`key-${i}`]: String(i)})
process.stdin.destroy()
