/**
 * The capture controls under the header, in one compact row (issue 10): remember this page, the
 * shortcut, pause, automatic capture and, in the popup, the side panel. What a control has to
 * say at length (a disclosure, a result) opens below the row and takes room only then.
 */
import { t } from '../../shared/i18n';
import { AutoCaptureToggle } from './auto-capture-toggle';
import type { Layout } from './chat';
import { PauseControl } from './pause-control';
import { RememberButton } from './remember-button';
import { ShortcutHint } from './shortcut-hint';
import { SidePanelButton } from './side-panel-button';

export function Controls({ layout }: { layout: Layout }) {
  return (
    <div
      class="controls"
      role="group"
      aria-label={t('popupCaptureControls')}
      data-testid="controls"
    >
      <RememberButton />
      <ShortcutHint />
      <PauseControl idPrefix={layout} />
      <AutoCaptureToggle idPrefix={layout} />
      {layout === 'popup' && <SidePanelButton />}
    </div>
  );
}
