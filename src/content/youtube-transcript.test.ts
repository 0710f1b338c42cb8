/** The YouTube transcript extractor on hand-written watch pages (tests/fixtures/youtube). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlDocument } from '../../tests/content/helpers';
import { extractPage } from './extract-page';
import { isYouTubeWatch, transcriptSegments, youtubeTranscript } from './youtube-transcript';

const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures/youtube');
const page = (name: string) => htmlDocument(readFileSync(resolve(FIXTURES, name), 'utf8'));
const WATCH = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s';

describe('which pages are YouTube videos', () => {
  it.each([
    [WATCH, true],
    ['https://m.youtube.com/watch?v=abc', true],
    ['https://youtube.com/shorts/Ab_c-1', true],
    ['https://www.youtube.com/live/xyz', true],
    ['https://www.youtube.com/watch', false],
    ['https://www.youtube.com/@breadlab', false],
    ['https://youtube.com.evil.example/watch?v=abc', false],
    ['https://notyoutube.com/watch?v=abc', false],
    ['not a url', false],
  ])('%s: %s', (url, expected) => {
    expect(isYouTubeWatch(url)).toBe(expected);
  });
});

describe('the transcript panel', () => {
  it('reads the segments in order, with their times, without sound cues or section headers', () => {
    expect(transcriptSegments(page('watch-transcript.html'))).toEqual([
      { start: '0:01', text: 'hi everyone, today we look inside a sourdough starter' },
      { start: '0:07', text: 'a starter is flour and water colonised by wild yeast' },
      { start: '1:02:20', text: 'the bacteria make lactic acid, which gives the sour taste' },
    ]);
  });

  it('reads the newer view-model panel too', () => {
    expect(transcriptSegments(page('watch-transcript-2025.html'))).toEqual([
      { start: '0:00', text: 'the bowline makes a loop that will not slip' },
      { start: '0:12', text: 'the rabbit comes out of the hole, round the tree' },
    ]);
  });

  it('keeps title, description and transcript, and leaves out comments and suggestions', () => {
    const result = extractPage(page('watch-transcript.html'), { pageUrl: WATCH });
    expect(result.extractor).toBe('youtube-transcript');
    expect(result.title).toBe('How Sourdough Starters Work');
    expect(result.text).toBe(
      [
        'How Sourdough Starters Work',
        'Wild yeast and lactic acid bacteria, explained. Recipe in the pinned comment.',
        'Transcript\n0:01 hi everyone, today we look inside a sourdough starter\n' +
          '0:07 a starter is flour and water colonised by wild yeast\n' +
          '1:02:20 the bacteria make lactic acid, which gives the sour taste',
      ].join('\n\n'),
    );
    expect(result.text).not.toContain('First! Great video');
    expect(result.text).not.toContain('Ten Breads');
  });

  it('with the panel closed, or off YouTube, the page is read as any other', () => {
    expect(youtubeTranscript(page('watch-no-transcript.html'), WATCH)).toBeNull();
    const closed = extractPage(page('watch-no-transcript.html'), { pageUrl: WATCH });
    expect(closed.extractor).not.toBe('youtube-transcript');
    expect(closed.text).toContain('Sleep sounds.');
    const elsewhere = extractPage(page('watch-transcript.html'), {
      pageUrl: 'https://example.org/watch?v=1',
    });
    expect(elsewhere.extractor).not.toBe('youtube-transcript');
  });
});
