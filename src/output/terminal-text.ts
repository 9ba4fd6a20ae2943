import {redactSecrets} from '../http/redact.js'

// Issue 15, item 6: nothing a server or a file sent reaches a terminal with its control characters.
// A host name, a resource location name or a Citrix `detail` could otherwise set the window title
// (OSC), clear the screen, move the cursor or overwrite a line with a bare CR. Every string on its way
// to a terminal passes through here: the table renderer per cell, and the note/log/warn/error funnel
// of BaseCommand. JSON output is not touched (JSON.stringify escapes control characters itself).

// Whole escape sequences go, not only their ESC, so that no "]0;title" or "[2J" is left behind:
// OSC/DCS/SOS/PM/APC strings up to their terminator, CSI sequences, and any other ESC + one character.
const escapeSequence =
  // eslint-disable-next-line no-control-regex
  /(?:\u001B[\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?|\u001B[\u0020-\u002F]*[\u0030-\u007E]?/g
/** Select Graphic Rendition (colour, bold): changes how text looks, never where it goes. */
// eslint-disable-next-line no-control-regex
const sgr = /^\u001B\[[0-9;]*m$/
// ESC is not here: step one removed every ESC but those opening a kept colour code.
// eslint-disable-next-line no-control-regex
const otherControls = /[\u0000-\u0008\u000B\u000C\u000E-\u001A\u001C-\u001F\u007F-\u009F]/g

export interface TerminalTextOptions {
  /** Keep line feeds and CRLF (a multi-line note, CSV); otherwise each becomes a space, as inside a table cell. */
  keepNewlines?: boolean
  /** Keep colour and bold (ESC [ … m), which ctx's own painting adds; every other sequence goes. */
  keepColor?: boolean
  /**
   * With `keepNewlines`: keep a bare CR too. For data on stdout that is not a terminal (CSV keeps a CR
   * inside a quoted field, RFC 4180); on a terminal a bare CR would overwrite the line, so it becomes a LF.
   */
  keepCarriageReturns?: boolean
}

/**
 * The text with every C0/C1 control character removed (escape sequences whole), tabs as spaces, CR
 * and LF as a space (or LF kept with `keepNewlines`), and every known secret value redacted.
 */
export function terminalText(text: string, options: TerminalTextOptions = {}): string {
  let out = text.replace(escapeSequence, (sequence) => (options.keepColor && sgr.test(sequence) ? sequence : ''))
  out = out.replace(/\t/g, ' ')
  // Kept: LF and CRLF (the record end of CSV). A bare CR, which would overwrite the line, becomes a LF.
  if (!options.keepNewlines) out = out.replace(/\r\n|[\r\n]/g, ' ')
  else if (!options.keepCarriageReturns) out = out.replace(/\r(?!\n|$)/g, '\n')
  out = out.replace(otherControls, '')
  return redactSecrets(out)
}

/** A value in a table cell or a `Label: value` line: one line, no control characters at all. */
export function cellText(value: unknown): string {
  return terminalText(String(value ?? ''))
}
