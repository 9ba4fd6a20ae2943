import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {escapeHtml} from '../../../../src/output/report/escape-html.js'

describe('escapeHtml', () => {
  it('escapes the five characters that could open markup or close an attribute', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('leaves other text, accents and numbers alone', () => {
    assert.equal(escapeHtml('Société Générale — 42'), 'Société Générale — 42')
    assert.equal(escapeHtml(1234), '1234')
  })
})
