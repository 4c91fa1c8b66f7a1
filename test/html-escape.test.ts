import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from '../src/html-report/escape.js';

describe('the HTML report escaping', () => {
  it('escapes the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`</svg><script>alert('x')</script> & "quoted"`)).toBe(
      '&lt;/svg&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;',
    );
  });

  it('writes line breaks as character references, so policy text never starts a line of the document', () => {
    expect(escapeHtml('Top closer\n::error::owned\r\n##[error]x')).toBe('Top closer&#10;::error::owned&#13;&#10;##[error]x');
  });

  it('escapes every interpolated value unless it is markup built by the tag itself', () => {
    const name = '<b onclick="x">Sales</b>';
    expect(html`<td title="${name}">${name}</td>`.value).toBe(
      '<td title="&lt;b onclick=&quot;x&quot;&gt;Sales&lt;/b&gt;">&lt;b onclick=&quot;x&quot;&gt;Sales&lt;/b&gt;</td>',
    );
    expect(html`<ul>${['<a>', '<b>'].map((item) => html`<li>${item}</li>`)}</ul>`.value).toBe(
      '<ul><li>&lt;a&gt;</li><li>&lt;b&gt;</li></ul>',
    );
    expect(html`${raw('<br>')}${undefined}${false}${0}`.value).toBe('<br>0');
  });
});
