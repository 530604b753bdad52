import { describe, expect, it } from 'vitest';
import { safeSrcset, safeUrl } from '../../../src/lib/safe-url.ts';

describe('safeUrl', () => {
  it.each([
    ['https://kubernetes.io/docs/', 'https://kubernetes.io/docs/'],
    ['http://example.org', 'http://example.org'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
    ['/glossary/etcd/', '/glossary/etcd/'],
    ['../files/a.png', '../files/a.png'],
    ['#heading', '#heading'],
    ['  /x  ', '/x'],
  ])('keeps %j', (raw, expected) => {
    expect(safeUrl(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' \u0001javascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//evil.example/',
    '\\\\evil.example/',
    'java\u0000script:alert(1)',
  ])('refuses %j', (raw) => {
    expect(safeUrl(raw)).toBeNull();
  });
});

describe('safeSrcset', () => {
  it('drops unsafe candidates and keeps descriptors', () => {
    expect(safeSrcset('a.png 1x, javascript:alert(1) 2x, b.png 3x')).toBe('a.png 1x, b.png 3x');
  });
  it('is null when nothing is left', () => {
    expect(safeSrcset('data:image/svg+xml,<svg onload=alert(1)> 1x')).toBeNull();
  });
});
