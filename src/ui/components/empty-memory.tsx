/**
 * What the chat shows before the first message: with nothing saved yet, how to save (asking
 * would find nothing); after that, what asking does.
 */
import { t } from '../../shared/i18n';
import { countMemories } from './conversation-query';
import { HowToSave } from './how-to-save';
import { useLiveQuery } from './use-live-query';

export function EmptyChat() {
  const count = useLiveQuery(countMemories, []).value;
  if (count === undefined) return null;
  if (count === 0) {
    return (
      <div class="empty-memory" data-testid="empty-memory">
        <p>
          <b>{t('popupNothingSaved')}</b> {t('popupNothingSavedIntro')}
        </p>
        <HowToSave buttonPlace="above" />
        <p class="muted">{t('popupThenAsk')}</p>
      </div>
    );
  }
  return (
    <>
      <p>{t('popupAskIntro')}</p>
      <p class="muted">{t('popupAnswersLink')}</p>
    </>
  );
}
