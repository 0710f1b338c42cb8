import { describe, expect, it, vi } from 'vitest';
import { fakeStyles, htmlDocument } from '../../tests/content/helpers';
import { visibilityClassifier, visibleText, type StyleView } from './visible-text';

const body = (html: string) =>
  htmlDocument(`<!doctype html><html><body>${html}</body></html>`).body;

describe('visibleText', () => {
  it('keeps block structure: paragraphs, lines, cells, pre', () => {
    const root = body(`
      <h1>Title</h1><p>One <b>bold</b>
         word.</p><ul><li>a</li><li>b<br>c</li></ul>
      <table><tr><th>k</th><td>v</td></tr><tr><td>x</td><td>y</td></tr></table>
      <pre>  keep
    this</pre><div>tail</div>`);
    expect(visibleText(root)).toBe(
      'Title\n\nOne bold word.\n\na\nb\nc\n\nk v\nx y\n\n  keep\n    this\n\ntail',
    );
  });

  it('skips non-text elements', () => {
    const root =
      body(`<p>seen</p><script>var x = 1</script><style>p{}</style><noscript>ns</noscript>
      <template><p>tpl</p></template><svg><text>svg text</text></svg><canvas>fallback</canvas>`);
    expect(visibleText(root)).toBe('seen');
  });

  it('skips [hidden] and aria-hidden, but not hidden=until-found', () => {
    const root = body(`<p hidden>h</p><p aria-hidden="true">a</p><p aria-hidden="false">shown</p>
      <div hidden="until-found">findable</div>`);
    expect(visibleText(root)).toBe('shown\n\nfindable');
  });

  it('never reads form fields or editable regions', () => {
    const root = body(`<p>before</p>
      <input value="typed"><textarea>draft</textarea><select><option>choice</option></select>
      <datalist><option>suggested</option></datalist>
      <div contenteditable="">editable</div><div contenteditable="plaintext-only">plain</div>
      <div role="textbox">rich</div><p>after</p>`);
    // (contenteditable="false" is not checked here: linkedom's isContentEditable is true for it.)
    expect(visibleText(root)).toBe('before\n\nafter');
  });

  it('uses computed styles: display:none prunes, visibility:hidden hides only what does not undo it', () => {
    const root = body(`<p>a</p><p class="gone">b <span>c</span></p>
      <div style="visibility:hidden">d <span style="visibility:visible">e</span> f</div>`);
    expect(visibleText(root, { view: fakeStyles })).toBe('a\n\ne');
  });

  it('treats a missing getComputedStyle as visible, using inline styles as a hint', () => {
    // linkedom has no getComputedStyle: the default view is taken from the document and found lacking.
    const root = body(
      `<p>a</p><p class="gone">b</p><p style="display:none">c</p><p style="visibility:hidden">d</p>`,
    );
    expect(visibleText(root)).toBe('a\n\nb');
  });

  it('reads each element style once and at most `styleBudget` times', () => {
    const root = body('<p>a</p><p>b</p><p>c</p><p class="gone">d</p>');
    const spy = vi.fn((el: Element) => fakeStyles.getComputedStyle(el));
    const view: StyleView = { getComputedStyle: spy };
    expect(visibleText(root, { view, styleBudget: 2 })).toBe('a\n\nb\n\nc\n\nd');
    expect(spy).toHaveBeenCalledTimes(2);

    const classify = visibilityClassifier(view);
    const p = root.querySelector('p') as Element;
    classify(p);
    classify(p);
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('treats a throwing getComputedStyle as no information', () => {
    const view: StyleView = {
      getComputedStyle: () => {
        throw new Error('boom');
      },
    };
    expect(visibleText(body('<p>a</p>'), { view })).toBe('a');
  });

  it('stops at maxChars and maxNodes', () => {
    const root = body('<p>' + 'word '.repeat(1_000) + '</p><p>second</p>');
    expect(visibleText(root, { maxChars: 50 }).length).toBeLessThanOrEqual(50);
    expect(visibleText(root, { maxNodes: 2 })).not.toContain('second');
  });

  it('walks a very deep tree without overflowing the stack', () => {
    const doc = htmlDocument('<!doctype html><html><body></body></html>');
    let parent: Element = doc.body;
    for (let i = 0; i < 20_000; i += 1) {
      const span = doc.createElement('span');
      parent.append(span);
      parent = span;
    }
    parent.append(doc.createTextNode('bottom'));
    expect(visibleText(doc.body)).toBe('bottom');
  });
});
