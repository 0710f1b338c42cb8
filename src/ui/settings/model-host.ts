/**
 * Checks a model host typed by the user with the settings schema, and says what is wrong: not an
 * http(s) address, or one the extension's CSP would not let the engine reach (issue 11).
 */
import { z } from 'zod';
import { t } from '../../shared/i18n';
import { isAllowedModelHost, modelHostsForPeople } from '../../shared/model-hosts';
import { settingsSchema } from '../../shared/settings';

export type HostCheck = { ok: true; value: string } | { ok: false; error: string };

const httpUrl = z.url({ protocol: /^https?$/ });

export function checkModelHost(input: string): HostCheck {
  const value = input.trim();
  if (value === '') return { ok: false, error: t('settingsHostEmpty') };
  const parsed = settingsSchema.modelHost.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  if (httpUrl.safeParse(value).success && !isAllowedModelHost(value)) {
    return { ok: false, error: t('settingsHostNotAllowed', modelHostsForPeople()) };
  }
  return { ok: false, error: t('settingsHostInvalid') };
}
