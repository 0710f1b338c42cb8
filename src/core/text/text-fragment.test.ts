import { describe, expect, it } from 'vitest';
import { textFragmentUrl } from './text-fragment';

describe('textFragmentUrl', () => {
  it('uses the exact text of a short passage', () => {
    expect(textFragmentUrl('https://example.com/a', ' Async  Rust\tis fun ')).toBe(
      'https://example.com/a#:~:text=Async%20Rust%20is%20fun',
    );
  });

  it('uses textStart,textEnd from the first sentence of a long passage', () => {
    const passage =
      'The quick brown fox jumps over the lazy dog near the river bank today. Second sentence.';
    expect(textFragmentUrl('https://example.com/a', passage)).toBe(
      'https://example.com/a#:~:text=The%20quick%20brown%20fox,the%20river%20bank%20today',
    );
  });

  it('skips a short heading line: a term must match within one block', () => {
    const passage =
      'Intro\nRust futures do nothing until an executor polls them to completion here.';
    expect(textFragmentUrl('https://example.com/a', passage)).toBe(
      'https://example.com/a#:~:text=Rust%20futures%20do%20nothing,them%20to%20completion%20here',
    );
    expect(textFragmentUrl('https://example.com/a', 'Intro\nShort line')).toBe(
      'https://example.com/a#:~:text=Intro',
    );
  });

  it('survives a lone surrogate in page text', () => {
    expect(textFragmentUrl('https://example.com/a', 'bad \ud800 text')).toBe(
      'https://example.com/a#:~:text=bad%20%EF%BF%BD%20text',
    );
  });

  it('replaces an existing fragment and encodes - , and &', () => {
    expect(textFragmentUrl('https://example.com/a?x=1#old', 'state-of-the-art, R&D')).toBe(
      'https://example.com/a?x=1#:~:text=state%2Dof%2Dthe%2Dart%2C%20R%26D',
    );
  });

  it('cuts Chinese at word boundaries, with enough characters at each end', () => {
    const url = textFragmentUrl(
      'https://example.com/zh',
      '我昨天读了一篇关于量子计算的文章，作者认为纠错技术是实现实用量子计算机的关键。',
    );
    const [start, end] = decodeURIComponent(url.split('#:~:text=')[1] ?? '').split(',');
    expect(start).toBe('我昨天读了一篇关于');
    expect(end).toBe('量子计算机的关键');
  });

  it('leaves non-http urls and empty passages alone', () => {
    expect(textFragmentUrl('chrome://settings', 'anything')).toBe('chrome://settings');
    expect(textFragmentUrl('file:///tmp/a.html', 'anything')).toBe('file:///tmp/a.html');
    expect(textFragmentUrl('https://example.com/#top', '  ')).toBe('https://example.com/');
  });
});
