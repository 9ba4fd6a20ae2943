// Stands in for @napi-rs/keyring inside the single executable: its native module (a .node file) cannot
// be loaded from within it. Every use then fails as on a machine without a keychain, so that ctx keeps
// secrets in its 0600 config file (src/config/secrets.ts); the first use says so, once.
let told = false

class Entry {
  constructor() {
    if (!told) {
      told = true
      process.stderr.write(
        'Note: this ctx executable cannot use the OS keychain (its native module does not load in a single executable); ' +
          'secrets are kept in the config file (mode 0600). A secret that an npm-installed ctx saved in the keychain is not readable here: run `ctx auth login` again.\n',
      )
    }
    throw new Error('The OS keychain is not available to the ctx executable.')
  }
}

module.exports = {Entry}
