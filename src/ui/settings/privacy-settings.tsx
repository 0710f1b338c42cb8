/** Privacy: pause saving, and which sites Engram may read. */
import type { SiteRule } from '../../core/site-policy';
import { PauseControl } from '../components/pause-control';
import { SiteRulesEditor } from './site-rules-editor';

export function PrivacySettings({ rules }: { rules: readonly SiteRule[] | undefined }) {
  return (
    <section class="panel" aria-labelledby="privacy-heading" data-testid="privacy">
      <h2 id="privacy-heading">Privacy</h2>
      <div class="field">
        <PauseControl idPrefix="settings" />
        <p class="hint muted">
          While paused, the shortcut, the menus and the popup save nothing and read nothing from the
          page. The toolbar badge shows ⏸. A pause holds when the browser restarts.
        </p>
      </div>
      {rules ? <SiteRulesEditor rules={rules} /> : <p class="muted">Loading site rules…</p>}
    </section>
  );
}
