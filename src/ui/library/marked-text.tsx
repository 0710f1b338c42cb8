/**
 * A source's kept text, with the parts the user read (automatic capture: SourceRow.read) marked.
 * The ranges are UTF-16 offsets in order (core/capture/read-ranges.ts); anything out of order or
 * out of bounds is skipped rather than trusted.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../../shared/i18n';

export function MarkedText({
  text,
  read,
}: {
  text: string;
  read: ReadonlyArray<{ start: number; end: number }> | undefined;
}) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const { start, end } of read ?? []) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} class="lib-read" title={t('libraryReadMark')}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return (
    <div class="lib-text" data-testid="item-text">
      {parts}
    </div>
  );
}
