/**
 * One source as a Markdown note for Obsidian and other note tools: YAML front matter (title, url,
 * site, saved, kind), the kept text, and wiki-links to the sources it links to.
 *
 * Every YAML value is written as a double-quoted scalar with everything escaped, so a title
 * holding `: `, `#`, quotes, new lines or `---` stays one value. In the text, `<` is escaped
 * (`\<`): Obsidian renders raw HTML in notes, and a page's words must stay words.
 */
import type { LinkKind, SourceRow } from '../db';
import { t } from '../i18n';

/** A YAML double-quoted scalar: JSON's escapes, plus the line breaks YAML counts that JSON does not. */
export const yamlString = (value: string): string =>
  JSON.stringify(value).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

const escapeText = (text: string): string => text.replace(/\\?</g, '\\<');

export interface NoteLink {
  kind: LinkKind;
  /** The file name (without `.md`) of the source linked to. */
  name: string;
}

export function sourceMarkdown(source: SourceRow, links: readonly NoteLink[]): string {
  const front = [
    '---',
    `title: ${yamlString(source.title)}`,
    `url: ${yamlString(source.url)}`,
    `site: ${yamlString(source.site)}`,
    `saved: ${yamlString(new Date(source.savedAt).toISOString())}`,
    `kind: ${yamlString(source.kind)}`,
    `engram_id: ${yamlString(source.id)}`,
    '---',
    '',
  ];
  const parts = [front.join('\n'), escapeText(source.text)];
  if (links.length > 0) {
    const lines = links.map(({ kind, name }) => `- ${linkLabel(kind)}: [[${name}]]`);
    parts.push(`## ${t('exportMarkdownLinks')}\n\n${lines.join('\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}

const linkLabel = (kind: LinkKind): string =>
  kind === 'hyperlink'
    ? t('exportMarkdownLinksTo')
    : kind === 'version'
      ? t('exportMarkdownNewerVersionOf')
      : kind === 'note'
        ? t('exportMarkdownNoteOn')
        : t('exportMarkdownSeenOn');
