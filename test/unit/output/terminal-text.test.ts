import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {registerSecret} from '../../../src/http/redact.js'
import {renderFields, renderTable} from '../../../src/output/table.js'
import {cellText, terminalText} from '../../../src/output/terminal-text.js'

// Issue 15, item 6: what a server or a file sent never reaches a terminal with control characters.

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/

describe('terminal text', () => {
  it('removes an OSC title change whole, terminator included', () => {
    assert.equal(cellText('a\u001B]0;pwned\u0007b'), 'ab')
    assert.equal(cellText('a\u001B]8;;https://evil.example\u001B\\link\u001B]8;;\u001B\\b'), 'alinkb')
  })

  it('removes screen clears, cursor moves and colours from server text', () => {
    assert.equal(cellText('x\u001B[2J\u001B[H\u001B[10;20f\u001B[31mred\u001B[0m'), 'xred')
  })

  it('removes C1 controls (the 8-bit CSI and OSC) and a bell or backspace', () => {
    assert.equal(cellText('a\u009B2Jb\u009D0;t\u0007c\u0008\u0007'), 'abc')
  })

  it('turns a CR, tab or LF inside a cell into a space, so that nothing is overwritten', () => {
    assert.equal(cellText('safe\rEVIL\tx\ny'), 'safe EVIL x y')
  })

  it('keeps line breaks and ctx’s own colour in notes, a bare CR becoming a line break', () => {
    assert.equal(
      terminalText('one\n\u001B[1mtwo\u001B[22m\rthree\r\n', {keepNewlines: true, keepColor: true}),
      'one\n\u001B[1mtwo\u001B[22m\nthree\r\n',
    )
  })

  it('leaves plain text and non-Latin names alone', () => {
    assert.equal(cellText('ca-01.corp.example — Zürich 東京'), 'ca-01.corp.example — Zürich 東京')
  })

  it('redacts a known secret value wherever it appears', () => {
    registerSecret('terminal-text-secret-42')
    assert.equal(terminalText('echo: terminal-text-secret-42!'), 'echo: [redacted]!')
  })

  it('cleans every table cell and field value', () => {
    const table = renderTable(
      [{header: 'Name', value: (row: {name: string}) => row.name}],
      [{name: 'a\u001B]0;t\u0007\u001B[2Jb\rc'}],
    )
    assert.ok(!controls.test(table.replace(/\n/g, '')), JSON.stringify(table))
    assert.match(table, /│ ab c │/)
    assert.ok(!controls.test(renderFields([['Host', 'h\u001B[2J\rx']])))
  })
})
