/** How the library words a source's kind, state and times, in the interface's language. */
import { daysAgo } from '../../core/library/day-groups';
import type { SourceKind } from '../../shared/db';
import { t, uiLanguage, type MessageKey } from '../../shared/i18n';
import type { LibraryState, SourceSummary } from '../../shared/store/library-reads';

export const KINDS: readonly SourceKind[] = [
  'page',
  'selection',
  'link',
  'image',
  'glimpse',
  'note',
  'said',
];

const KIND_WORDS: Record<SourceKind, MessageKey> = {
  page: 'libraryKindPage',
  selection: 'libraryKindSelection',
  link: 'libraryKindLink',
  image: 'libraryKindImage',
  glimpse: 'libraryKindGlimpse',
  note: 'libraryKindNote',
  said: 'libraryKindSaid',
};

/** A page read from a PDF or a video's transcript is a page by kind; it says what it is. */
export function kindLabel(source: Pick<SourceSummary, 'kind' | 'extractor'>): string {
  if (source.extractor === 'pdf') return t('libraryKindPdf');
  if (source.extractor === 'youtube-transcript') return t('libraryKindTranscript');
  return kindWord(source.kind);
}

export const kindWord = (kind: SourceKind): string => t(KIND_WORDS[kind]);

export const STATES: readonly LibraryState[] = ['indexed', 'waiting', 'held', 'failed'];

const STATE_WORDS: Record<LibraryState, MessageKey> = {
  indexed: 'libraryStateIndexed',
  waiting: 'libraryStateWaiting',
  held: 'libraryStateHeld',
  failed: 'libraryStateFailed',
};

export const stateWord = (state: LibraryState): string => t(STATE_WORDS[state]);

const dateTime = () =>
  new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = () => new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'short' });
const fullDay = () => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'full' });

/** A day heading: "Today", "Yesterday", else the date in full, in the user's locale. */
export function dayLabel(at: number, now: number): string {
  const days = daysAgo(at, now);
  if (days === 0) return t('libraryToday');
  if (days === 1) return t('libraryYesterday');
  return fullDay().format(at);
}

/** When saved, under its day's heading: the time of day is enough. */
export const savedTime = (at: number): string => timeOnly().format(at);

export const savedDateTime = (at: number): string => dateTime().format(at);

/**
 * "Seen 3 times, last …" (`label`: "3 times, last …" beside a "Seen" label), or nothing for a
 * source seen once.
 */
export function seenLine(
  source: Pick<SourceSummary, 'seenCount' | 'lastSeenAt'>,
  label = false,
): string {
  if (source.seenCount <= 1) return '';
  return t(
    label ? 'libraryFactSeenValue' : 'librarySeenTimes',
    source.seenCount.toLocaleString(uiLanguage()),
    savedDateTime(source.lastSeenAt),
  );
}

/**
 * Why a source failed, in the interface's language: a short reason for its row, a sentence for
 * its page, and the error's own words (often English, from the engine or a library) as a
 * secondary detail, never as the only reason.
 */
export function failureWords(source: Pick<SourceSummary, 'errorCode' | 'error'>): {
  short: string;
  long: string;
  detail: string | undefined;
} {
  const stopped = source.errorCode === 'engine-stopped';
  return {
    short: t(stopped ? 'libraryFailedStoppedShort' : 'libraryFailedShort'),
    long: t(stopped ? 'indexFailedEngineStopped' : 'libraryFailedLong'),
    detail: source.error ? t('libraryErrorDetail', source.error) : undefined,
  };
}
