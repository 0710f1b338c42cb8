/**
 * A YouTube video's transcript, when the page shows one. What it relies on (YouTube's own markup,
 * which changes without notice — checked against the fixtures in tests/fixtures/youtube):
 * - a watch page: `youtube.com/watch?v=…` (also `m.` and `music.`), or `/shorts/…`, `/live/…`;
 * - the transcript panel's segments, present in the DOM once the user has opened "Show
 *   transcript": `ytd-transcript-segment-renderer` with `.segment-timestamp` and `.segment-text`,
 *   or the newer `transcript-segment-view-model` with a `…Timestamp` element and an
 *   `.yt-core-attributed-string` text;
 * - the title in `ytd-watch-flexy #title h1`, the description in
 *   `#description-inline-expander` (else the document title, without " - YouTube").
 * Captions the page only references (the player's caption track URL) would need a network fetch
 * the synchronous extraction does not make: with the panel closed, nothing is returned and the
 * page is read as any other.
 */
import { oneLine } from '../core/text/one-line';

export interface TranscriptSegment {
  /** The timestamp as the page shows it (`1:02:15`). */
  start: string;
  text: string;
}

export interface YouTubeTranscript {
  title: string;
  description: string;
  segments: TranscriptSegment[];
}

const MAX_SEGMENTS = 50_000;
const SEGMENTS =
  'ytd-transcript-segment-renderer, transcript-segment-view-model, [class*="TranscriptSegmentViewModelHost"]';
const TIMESTAMP = '.segment-timestamp, [class*="Timestamp"]';
const TEXT = '.segment-text, .yt-core-attributed-string';
/** Sound cues add nothing to search: `[Music]`, `[Applause]`. */
const CUE = /^\[[^\]]{1,30}\]$/;

export function isYouTubeWatch(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!/^(?:www\.|m\.|music\.)?youtube\.com$/i.test(parsed.hostname)) return false;
  return (
    (parsed.pathname === '/watch' && parsed.searchParams.has('v')) ||
    /^\/(?:shorts|live)\/[\w-]+/.test(parsed.pathname)
  );
}

/** The transcript's segments in page order, or an empty list when the panel shows none. */
export function transcriptSegments(doc: Document): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  for (const el of Array.from(doc.querySelectorAll(SEGMENTS))) {
    // The newer element can sit inside the older one's slot: take the innermost once.
    if (el.querySelector(SEGMENTS)) continue;
    const text = oneLine(el.querySelector(TEXT)?.textContent);
    if (!text || CUE.test(text)) continue;
    segments.push({ start: oneLine(el.querySelector(TIMESTAMP)?.textContent), text });
    if (segments.length >= MAX_SEGMENTS) break;
  }
  return segments;
}

/** The transcript and what frames it, or null when this is not a watch page showing one. */
export function youtubeTranscript(doc: Document, url: string): YouTubeTranscript | null {
  if (!isYouTubeWatch(url)) return null;
  const segments = transcriptSegments(doc);
  if (segments.length === 0) return null;
  const title =
    oneLine(doc.querySelector('ytd-watch-flexy #title h1, ytd-watch-metadata h1')?.textContent) ||
    oneLine(doc.title).replace(/ - YouTube$/, '');
  const description = oneLine(doc.querySelector('#description-inline-expander')?.textContent);
  return { title, description, segments };
}

/** The text kept: title, description, then one line per segment, its time first. */
export function transcriptText(transcript: YouTubeTranscript): string {
  const lines = transcript.segments.map((s) => (s.start ? `${s.start} ${s.text}` : s.text));
  return [transcript.title, transcript.description, `Transcript\n${lines.join('\n')}`]
    .filter(Boolean)
    .join('\n\n');
}
