/** The three ways to save a page, with the shortcut the browser really has for it. */
import { t } from '../../shared/i18n';
import './how-to-save.css';
import { tNodes } from './message-nodes';
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
        {shortcut.kind === 'set'
          ? tNodes('popupHowShortcut', <kbd>{shortcut.keys}</kbd>)
          : t('popupHowShortcutUnknown')}
        {shortcut.kind === 'unset' && ` ${t('popupHowShortcutUnset', SHORTCUTS_PAGE)}`}
      </li>
      <li>{tNodes('popupHowMenu', <b>{t('popupHowMenuItem')}</b>)}</li>
      <li>
        {tNodes(
          buttonPlace === 'above' ? 'popupHowButtonAbove' : 'popupHowButtonInPopup',
          <b>{t('popupRememberTitle')}</b>,
        )}
      </li>
    </ul>
  );
}
