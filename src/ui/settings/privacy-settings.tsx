/**
 * Privacy: pause saving, which sites Engram may read, whether it reads frames, and deleting the
 * conversations.
 */
import { useState } from 'preact/hooks';
import type { SiteRule } from '../../core/privacy/site-policy';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import { writeSetting } from '../../shared/settings';
import { PauseControl } from '../components/pause-control';
import { DeleteConversations } from './delete-conversations';
import { SiteRulesEditor } from './site-rules-editor';

interface Props {
  rules: readonly SiteRule[] | undefined;
  readFrames: boolean | undefined;
}

export function PrivacySettings({ rules, readFrames }: Props) {
  const [framesError, setFramesError] = useState<string>();
  const setFrames = async (on: boolean) => {
    try {
      await writeSetting(db(), 'readFrames', on);
      setFramesError(undefined);
    } catch (error) {
      setFramesError(errorMessage(error));
    }
  };
  return (
    <section class="panel" aria-labelledby="privacy-heading" data-testid="privacy">
      <h2 id="privacy-heading">{t('settingsPrivacyHeading')}</h2>
      <div class="field">
        <p class="field-label">{t('settingsPauseLabel')}</p>
        <PauseControl idPrefix="settings" />
        <p class="hint muted">{t('settingsPauseHint')}</p>
      </div>
      {readFrames !== undefined && (
        <div class="field">
          <label class="toggle">
            <input
              type="checkbox"
              data-testid="read-frames-toggle"
              checked={readFrames}
              onChange={(event) => void setFrames(event.currentTarget.checked)}
            />
            <span>{t('settingsReadFramesToggle')}</span>
          </label>
          {framesError && (
            <p class="field-error" role="alert">
              {t('settingsNotSaved', framesError)}
            </p>
          )}
        </div>
      )}
      {rules ? (
        <SiteRulesEditor rules={rules} />
      ) : (
        <p class="muted">{t('settingsLoadingSiteRules')}</p>
      )}
      <DeleteConversations />
    </section>
  );
}
