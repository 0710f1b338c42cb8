/**
 * A thrown value as the words of an error reply or notice. Its own module, free of the protocol,
 * so that a page can word an error without loading zod (the library's first screen, issue 12).
 */
export const errorMessage = (error: unknown): string =>
  // i18n-exempt: a thrown value neither Error nor string is a bug; the engine has no chrome.i18n
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unknown error';
