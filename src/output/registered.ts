/** The one wording for a registration that took: `<what> is registered with Citrix Cloud<tail>.` */
export function registeredLine(what: string, tail = ''): string {
  return `${what} is registered with Citrix Cloud${tail}.`
}
