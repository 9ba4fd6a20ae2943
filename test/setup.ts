// Runs before every test file: no colour, no real keychain, fast retries.
process.env.NO_COLOR = '1'
process.env.CTX_KEYCHAIN = 'off'
process.env.CTX_RETRY_BASE_MS = '1'
