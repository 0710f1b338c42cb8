import { describe, expect, it } from 'vitest';
import { canonicalUrl, siteOf } from './url';

describe('canonicalUrl', () => {
  it('drops fragments, tracking parameters, default ports and case in the host', () => {
    expect(
      canonicalUrl(
        ' HTTPS://WWW.Example.COM:443/Path?utm_source=x&id=7&fbclid=abc&UTM_Medium=y&gclid=1#top ',
      ),
    ).toBe('https://www.example.com/Path?id=7');
    expect(canonicalUrl('http://example.com:80/?mc_cid=1&mc_eid=2&ref_src=twsrc')).toBe(
      'http://example.com/',
    );
  });

  it('drops an empty query and keeps other parameters exactly as written', () => {
    expect(canonicalUrl('https://example.com/a?')).toBe('https://example.com/a');
    expect(canonicalUrl('https://example.com/a?q=a%20b+c&&utm_term=z')).toBe(
      'https://example.com/a?q=a%20b+c',
    );
    expect(canonicalUrl('https://example.com/a?q=1')).toBe(
      canonicalUrl('https://example.com/a?q=1&utm_id=2#x'),
    );
  });

  it('returns invalid input trimmed', () => {
    expect(canonicalUrl('  not a url ')).toBe('not a url');
  });
});

describe('siteOf', () => {
  it('gives the host without www', () => {
    expect(siteOf('https://www.Example.com/a')).toBe('example.com');
    expect(siteOf('https://docs.rs/tokio')).toBe('docs.rs');
    expect(siteOf('nonsense')).toBe('');
  });
});
