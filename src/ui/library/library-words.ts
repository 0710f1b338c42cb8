/** How the library words a source's kind, state and times, in the interface's language. */
import { daysAgo } from '../../core/library/day-groups';
import { t, uiLanguage, type MessageKey } from '../../shared/i18n';
import {
  KIND_EXTRACTORS,
  type LibraryKind,
  type LibraryState,
  type SourceSummary,
} from '../../shared/store/library-reads';

/** The kind filter's choices: the source kinds, then the pages that are PDFs or transcripts. */
export const KINDS: readonly LibraryKind[] = [
  'page',
  'selection',
  'link',
  'image',
  'glimpse',
  'note',
  'said',
  'pdf',
  'transcript',
];

const KIND_WORDS: Record<LibraryKind, MessageKey> = {
  page: 'libraryKindPage',
  selection: 'libraryKindSelection',
  link: 'libraryKindLink',
  image: 'libraryKindImage',
  glimpse: 'libraryKindGlimpse',
  note: 'libraryKindNote',
  said: 'libraryKindSaid',
  pdf: 'libraryKindPdf',
  transcript: 'libraryKindTranscript',
};

/** A page read from a PDF or a video's transcript is a page by kind; it says what it is. */
export function kindLabel(source: Pick<SourceSummary, 'kind' | 'extractor'>): string {
  if (source.extractor === KIND_EXTRACTORS.pdf) return kindWord('pdf');
  if (source.extractor === KIND_EXTRACTORS.transcript) return kindWord('transcript');
  return kindWord(source.kind);
}

export const kindWord = (kind: LibraryKind): string => t(KIND_WORDS[kind]);

export const STATES: readonly LibraryState[] = ['indexed', 'waiting', 'held', 'failed'];

const STATE_WORDS: Record<LibraryState, MessageKey> = {
  indexed: 'libraryStateIndexed',
  waiting: 'libraryStateWaiting',
  held: 'libraryStateHeld',
  failed: 'libraryStateFailed',
};

export const stateWord = (state: LibraryState): string => t(STATE_WORDS[state]);

/**
 * A date format in the interface's language, made once per language: making one costs ~100 times
 * what formatting with it does, and every row drawn formats two dates (each scroll step drew ~60
 * new formats: frames over 16 ms, and the first screen's render, issue 12). Keyed by language,
 * since the words' language can be settled after this module loads (shared/locale-memo.ts).
 */
function formatIn(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: { language: string; format: Intl.DateTimeFormat } | undefined;
  return () => {
    const language = uiLanguage();
    if (made?.language !== language) {
      made = { language, format: new Intl.DateTimeFormat(language, options) };
    }
    return made.format;
  };
}

const dateTime = formatIn({ dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = formatIn({ timeStyle: 'short' });
const fullDay = formatIn({ dateStyle: 'full' });

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

/** Counts the library says in words, each with its singular: "1 item", not "1 items". */
const SINGULAR = {
  libraryForgotten: 'libraryForgottenOne',
  libraryItemCount: 'libraryItemCountOne',
  libraryDeleteTitle: 'libraryDeleteTitleOne',
  libraryForgetCount: 'libraryForgetCountOne',
} as const satisfies Partial<Record<MessageKey, MessageKey>>;

/** `n` in the words of `key` (Chinese words one and many alike; English does not). */
export const counted = (n: number, key: keyof typeof SINGULAR): string =>
  n === 1 ? t(SINGULAR[key]) : t(key, n.toLocaleString());
