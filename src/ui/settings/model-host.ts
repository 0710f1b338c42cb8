/** Checks a model host typed by the user with the settings schema, and says what is wrong. */
import { t } from '../../shared/i18n';
import { settingsSchema } from '../../shared/settings';

export type HostCheck = { ok: true; value: string } | { ok: false; error: string };

export function checkModelHost(input: string): HostCheck {
  const value = input.trim();
  if (value === '') return { ok: false, error: t('settingsHostEmpty') };
  const parsed = settingsSchema.modelHost.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: t('settingsHostInvalid') };
}
