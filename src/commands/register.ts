import ProductRegister from './product/register.js'

/** `ctx register` is `ctx product register`, the short form administrators type. */
export default class Register extends ProductRegister {
  static summary = 'Register a product by its short code (the same as `ctx product register`).'
  static examples = ['<%= config.bin %> register --code AB12CD34', '<%= config.bin %> register --code AB12-CD34 --yes']
}
