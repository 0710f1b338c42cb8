/** The three ways to save a page, with the shortcut the browser really has for it. */
import './how-to-save.css';
import { SHORTCUTS_PAGE, useRememberShortcut } from './use-shortcut';

interface Props {
  /** Where the Remember button is, as seen from here. */
  buttonPlace: 'above' | 'in the popup';
}

export function HowToSave({ buttonPlace }: Props) {
  const shortcut = useRememberShortcut();
  return (
    <ul class="how-to-save" data-testid="how-to-save">
      <li data-testid="how-to-save-shortcut" data-state={shortcut.kind}>
        Press {shortcut.kind === 'set' ? <kbd>{shortcut.keys}</kbd> : 'the shortcut'} on a page to
        remember what you see.
        {shortcut.kind === 'unset' && ` No shortcut is set: choose one at ${SHORTCUTS_PAGE}.`}
      </li>
      <li>
        Right-click a page, a selection, a link or an image and choose <b>Save … to memory</b>.
      </li>
      <li>
        Click <b>Remember this page</b>{' '}
        {buttonPlace === 'above' ? 'above' : 'in the popup of the Engram toolbar button'}.
      </li>
    </ul>
  );
}
