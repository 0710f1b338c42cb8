/**
 * Citation markers in an answer's text: `[1]`, `[1, 2]`, and the full-width shapes small models
 * use when writing Chinese (`【1】`, `［1，2］`, `[1、2]`). The chat turns them into chips
 * (ui/components/answer-parts.ts); forgetting reads them (scrub-answer.ts); and a generated answer
 * keeps only those naming a source it was given (keepKnownCitations).
 */

/** One marker group; group 1 holds its numbers with their separators. */
export const CITATION_MARKER = /[[［【]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]］】]/g;

/** The numbers of one marker group's inside (`1, 2` → [1, 2]). */
export function markerNumbers(inside: string): number[] {
  return inside.split(/[,，、]/).map((s) => Number(s.trim()));
}

const ONE_MARKER = CITATION_MARKER.source;
/** Markers side by side (`[1][7]`, `[1] [7]`), with the spaces around them. */
const MARKER_RUN = new RegExp(`[ \\t]*(?:${ONE_MARKER})(?:[ \\t]*(?:${ONE_MARKER}))*[ \\t]*`, 'g');
/** A character that makes a following `[0]` an index (`array[0]`, `grid[1][2]`), not a citation. */
const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

/** One marker with only the `known` numbers, in its own brackets and separator; '' for none. */
function keptMarker(marker: string, inside: string, known: (n: number) => boolean): string {
  const numbers = markerNumbers(inside);
  const kept = numbers.filter(known);
  if (kept.length === numbers.length) return marker;
  if (kept.length === 0) return '';
  const separator = /\s*[,，、]\s*/.exec(inside)?.[0] ?? ', ';
  return `${marker[0] ?? '['}${kept.join(separator)}${marker[marker.length - 1] ?? ']'}`;
}

/**
 * `text` without the citation numbers that name no source (issue 15: "no answer claims a source
 * it did not cite"). A small model given sources [1]–[3] sometimes writes `[4]` or `[7]`: the
 * number goes from its group (`[1, 7]` → `[1]`), a group left empty goes with the space before
 * it (`polled [7].` → `polled.`; at a line's start, the space after it), and a run of markers
 * keeps its known ones (`[1][7]` → `[1]`). ASCII brackets straight after a letter or digit
 * (`array[0]`, `grid[1][2]`) are code, not citations, and stay as written, as the chat shows
 * them; a model that glues a citation to an English word (`polled[7]`) is rare, and a word glued
 * to a full-width bracket (`Moss【7】`) is never code, so that one goes.
 */
export function keepKnownCitations(text: string, known: ReadonlySet<number>): string {
  const isKnown = (n: number): boolean => known.has(n);
  return text.replace(MARKER_RUN, (run: string, ...rest: unknown[]) => {
    const at = rest.find((r): r is number => typeof r === 'number') ?? 0;
    const before = /^[ \t]*/.exec(run)?.[0] ?? '';
    if (before === '' && run.startsWith('[') && IDENTIFIER_CHAR.test(text[at - 1] ?? '')) {
      return run;
    }
    const after = /[ \t]*$/.exec(run)?.[0] ?? '';
    const kept = run
      .trim()
      .replace(CITATION_MARKER, (marker: string, inside: string) =>
        keptMarker(marker, inside, isKnown),
      )
      .trim()
      .replace(/[ \t]{2,}/g, ' ');
    if (kept !== '') return `${before}${kept}${after}`;
    // Nothing left: the markers go with the space before them (after them, at a line's start).
    const lineStart = at === 0 || text[at - 1] === '\n';
    return lineStart ? '' : after;
  });
}
