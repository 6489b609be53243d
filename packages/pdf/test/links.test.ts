import { describe, expect, it } from 'vitest';
import { safeUrl } from '../src/links.js';

describe('safeUrl', () => {
  it('keeps http, https and mailto', () => {
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeUrl('http://example.org')).toBe('http://example.org/');
    expect(safeUrl('mailto:desk@example.org')).toBe('mailto:desk@example.org');
  });
  it('resolves relative links against the article URL, and only then', () => {
    expect(safeUrl('/experts/someone', 'https://example.org/analysis/x')).toBe('https://example.org/experts/someone');
    expect(safeUrl('javascript:alert(1)', 'https://example.org/')).toBeNull();
    expect(safeUrl('/experts/someone', 'file:///etc/')).toBeNull();
    expect(safeUrl('#top', 'https://example.org/')).toBeNull();
  });
  it('drops every other scheme, relative and malformed links', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '/experts/someone', '#top', 'ftp://x.org', '', 'https://', 'http://exa mple.org', null, undefined]) {
      expect(safeUrl(bad)).toBeNull();
    }
  });
});
