/** How the graph page words kinds, roles and dates, in the interface's language. */
import { t, uiLanguage, type MessageKey } from '../../shared/i18n';
import type { GraphEntityKind, MentionRole } from '../../shared/store/graph-view-types';

const KIND_WORDS: Record<GraphEntityKind, MessageKey> = {
  person: 'graphKindPerson',
  organisation: 'graphKindOrganisation',
  place: 'graphKindPlace',
  event: 'graphKindEvent',
  idea: 'graphKindIdea',
  site: 'graphKindSite',
};

export const kindWord = (kind: GraphEntityKind): string => t(KIND_WORDS[kind]);

const ROLE_WORDS: Record<MentionRole, MessageKey> = {
  author: 'graphRoleAuthor',
  publisher: 'graphRolePublisher',
  about: 'graphRoleAbout',
  mention: 'graphRoleMention',
  keyword: 'graphRoleKeyword',
  phrase: 'graphRolePhrase',
  matched: 'graphRoleMention',
};

export const roleWord = (role: MentionRole | undefined): string => t(ROLE_WORDS[role ?? 'mention']);

export const dateWord = (at: number): string =>
  new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(at);

export const countWord = (n: number): string => n.toLocaleString(uiLanguage());
