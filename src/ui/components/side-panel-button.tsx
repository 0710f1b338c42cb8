/**
 * "Open in side panel", in the popup: the same chat, kept open while the user browses.
 * `sidePanel.open` needs a user gesture, which this click is; the popup then closes.
 */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import { PanelIcon } from './icons';

export function SidePanelButton() {
  const [error, setError] = useState<string>();
  const open = async () => {
    try {
      const window = await chrome.windows.getCurrent();
      if (window.id === undefined) throw new Error(t('popupNoWindow'));
      await chrome.sidePanel.open({ windowId: window.id });
      globalThis.close();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <button
      type="button"
      class="control side-panel-button"
      data-testid="open-side-panel"
      aria-label={t('popupOpenSidePanel')}
      title={error ? t('popupSidePanelFailed', error) : t('popupSidePanelHint')}
      onClick={() => void open()}
    >
      <PanelIcon />
    </button>
  );
}
