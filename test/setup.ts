// Runs before every test file: no colour, no real keychain, fast retries.
process.env.NO_COLOR = '1'
process.env.CTX_KEYCHAIN = 'off'
process.env.CTX_RETRY_BASE_MS = '1'
// Tests never have a terminal to prompt on, even when `npm test` runs in one: a prompt would hang.
Object.defineProperty(process.stdin, 'isTTY', {value: false, configurable: true})
// Times on a terminal are local: pin the zone so that the expected text is the same on every machine.
process.env.TZ = 'UTC'
