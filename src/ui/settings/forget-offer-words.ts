/** The forget offer's sentences, for one kept page or several (./forget-offer.tsx). */
import type { MessageKey } from '../../shared/i18n';
import { countMessage } from './ui-locale';

/** Each sentence for one page and for several: English says "it is" and "they are". */
const SENTENCES = {
  offer: ['settingsForgetOfferOne', 'settingsForgetOfferMany'],
  confirm: ['settingsForgetConfirmOne', 'settingsForgetConfirmMany'],
  keep: ['settingsForgetKeepOne', 'settingsForgetKeepMany'],
  deleting: ['settingsForgetDeletingOne', 'settingsForgetDeletingMany'],
  done: ['settingsForgetDoneOne', 'settingsForgetDoneMany'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

/** The sentence for `n` pages, with the count as the first substitution. */
export function pagesSentence(
  sentence: keyof typeof SENTENCES,
  n: number,
  ...rest: string[]
): string {
  const [one, many] = SENTENCES[sentence];
  return countMessage(n, one, many, ...rest);
}
