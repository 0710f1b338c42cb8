/**
 * "Forget…": the last hour, today, everything, or everything from the site the list is filtered
 * to. The dialog counts what the choice covers before the user confirms.
 */
import { useEffect, useState } from 'preact/hooks';
import { rangeStart } from '../../core/library/filters';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/error-message';
import { idsOfSite, idsSavedBetween } from '../../shared/store/library-reads';
import { ConfirmDialog } from './confirm-dialog';
import { forgetIds } from './forget-ids';
import { counted } from './library-words';

type Choice = 'hour' | 'today' | 'all' | 'site';

async function idsFor(choice: Choice, site: string): Promise<string[]> {
  if (choice === 'site') return [...(await idsOfSite(db(), site))];
  return idsSavedBetween(db(), rangeStart(choice, Date.now()));
}

export function ForgetDialog({
  site,
  onDone,
}: {
  site: string;
  onDone: (deleted: number) => void;
}) {
  const [choice, setChoice] = useState<Choice>(site ? 'site' : 'hour');
  const [ids, setIds] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setIds(undefined);
    void idsFor(choice, site).then(setIds, (e: unknown) => setError(errorMessage(e)));
  }, [choice, site]);

  const choices: Array<[Choice, string]> = [
    ['hour', t('libraryForgetHour')],
    ['today', t('libraryForgetToday')],
    ['all', t('libraryForgetAll')],
    ...(site ? [['site', t('libraryForgetSite', site)] as [Choice, string]] : []),
  ];
  const confirm = async () => {
    if (!ids) return;
    setBusy(true);
    try {
      onDone(await forgetIds(ids));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      title={t('libraryForgetTitle')}
      confirmLabel={t('libraryForgetConfirm')}
      busy={busy || ids === undefined || ids.length === 0}
      error={error}
      onCancel={() => onDone(0)}
      onConfirm={() => void confirm()}
    >
      <fieldset class="lib-choices">
        <legend class="visually-hidden">{t('libraryForgetTitle')}</legend>
        {choices.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="forget-range"
              value={value}
              data-testid={`forget-${value}`}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <p data-testid="forget-count" role="status">
        {ids === undefined ? '' : counted(ids.length, 'libraryForgetCount')}
      </p>
      <p class="note">{t('libraryForgetExplain')}</p>
    </ConfirmDialog>
  );
}
