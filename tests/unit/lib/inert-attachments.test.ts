/** SVG and HTML attachments are rewritten through an allowlist: what could run is gone. */
import { describe, expect, it } from 'vitest';
import { inertHtml, inertSvg } from '../../../src/lib/inert-attachments.ts';

describe('inertSvg', () => {
  const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
<script>alert(2)</script><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
<a xlink:href="javascript:alert(3)"><rect width="10" height="10" fill="url(#g)" onclick="alert(4)"/></a><use xlink:href="#g"/><use href="https://evil.example/x.svg#a"/>
<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(5)</script></body></foreignObject>
<animate attributeName="href" to="javascript:alert(6)"/><set attributeName="onload" to="alert(7)"/><text x="1" y="5">A &amp; B</text></svg>`;
  const { content, changed } = inertSvg(svg);

  it('keeps the picture', () => {
    expect(content).toContain('<linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>');
    expect(content).toContain('<rect width="10" height="10" fill="url(#g)"/>');
    expect(content).toContain('<use href="#g"/>');
    expect(content).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg viewBox="0 0 10 10" xmlns="http:\/\/www\.w3\.org\/2000\/svg">/);
  });

  it('drops scripts, handlers, animations, foreign HTML and outside references, and says so', () => {
    expect(content).not.toMatch(/alert|script|onload|onclick|animate|<set|foreignObject|evil\.example/i);
    expect(changed).toEqual(['<a>', '<animate>', '<foreignObject>', '<script>', '<set>', 'onclick=', 'onload=']);
  });
});

describe('inertHtml', () => {
  it('keeps text and safe links, drops script, handlers and javascript: URLs', () => {
    const { content, changed } = inertHtml(
      '<html><head><title>T</title><script>alert(1)</script></head><body onload="alert(2)"><h1>Hi</h1><a href="java&#x09;script:alert(3)">x</a><a href="https://example.org/">ok</a><img src="x" onerror="alert(4)"></body></html>',
    );
    expect(content).toContain('<title>T</title>');
    expect(content).toContain('<h1>Hi</h1><a>x</a><a href="https://example.org/">ok</a><img src="x">');
    expect(content).not.toMatch(/alert|script|onload|onerror/i);
    expect(changed).toEqual(['<script>', 'onerror=', 'onload=']);
  });
});
