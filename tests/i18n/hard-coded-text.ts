/**
 * Finds interface text written in the code instead of the locale files: JSX text with letters,
 * string attributes people read (title, aria-label, placeholder, alt, label), and, in TypeScript
 * modules, string literals that read as prose ("Saved to memory", "已保存"). Developer-facing
 * strings are left alone: console output, thrown errors, and lines marked `i18n-exempt: <why>`.
 *
 * Run over one file while converting it: `npx tsx tests/i18n/hard-coded-text.ts src/ui/x.tsx`.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface HardCodedText {
  file: string;
  line: number;
  text: string;
}

const READ_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
]);

const HAS_LETTER = /\p{L}/u;
const CJK = /[\u3400-\u9fff]/u;
/** "Saved to memory", "Try again": a capital, then words with spaces between them. */
const PROSE = /^[\s(…"“]*[A-Z][a-z']*(?:[ -][A-Za-z'’,.:;!?()…]+)+/;

function isDeveloperFacing(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isCallExpression(at) || ts.isNewExpression(at)) {
      const callee = at.expression.getText();
      if (/^console\./.test(callee) || /Error$/.test(callee)) return true;
    }
    if (ts.isThrowStatement(at)) return true;
    if (ts.isImportDeclaration(at) || ts.isExportDeclaration(at)) return true;
    if (ts.isCallExpression(at) && at.expression.getText() === 'import') return true;
    // The key of a message is not text: t('popupAsk').
    if (ts.isCallExpression(at) && /(^|\.)(t|tIn|tableSource)$/.test(at.expression.getText())) {
      return true;
    }
    if (ts.isBlock(at) || ts.isSourceFile(at)) break;
  }
  return false;
}

function exemptLines(text: string): Set<number> {
  const lines = new Set<number>();
  text.split('\n').forEach((line, index) => {
    if (line.includes('i18n-exempt')) {
      lines.add(index + 1);
      lines.add(index + 2); // a marker on its own line covers the next line
    }
  });
  return lines;
}

export function findHardCodedText(
  file: string,
  text = readFileSync(file, 'utf8'),
): HardCodedText[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const exempt = exemptLines(text);
  const found: HardCodedText[] = [];
  const report = (node: ts.Node, value: string): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (!exempt.has(line)) found.push({ file, line, text: value.trim().slice(0, 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (HAS_LETTER.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(source);
      const init = node.initializer;
      const literal =
        init && ts.isStringLiteral(init)
          ? init
          : init &&
              ts.isJsxExpression(init) &&
              init.expression &&
              (ts.isStringLiteral(init.expression) ||
                ts.isNoSubstitutionTemplateLiteral(init.expression))
            ? init.expression
            : undefined;
      if (READ_ATTRIBUTES.has(name) && literal && HAS_LETTER.test(literal.text)) {
        report(literal, literal.text);
      }
    } else if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const value = node.text;
      const inJsxAttribute = node.parent && ts.isJsxAttribute(node.parent);
      if (
        !inJsxAttribute &&
        (CJK.test(value) || PROSE.test(value)) &&
        !(node.parent && ts.isPropertyAssignment(node.parent) && node.parent.name === node) &&
        !isDeveloperFacing(node)
      ) {
        report(node, value);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

if (process.argv[1] && /hard-coded-text\.ts$/.test(process.argv[1])) {
  for (const file of process.argv.slice(2)) {
    for (const hit of findHardCodedText(file)) console.log(`${hit.file}:${hit.line}  ${hit.text}`);
  }
}
