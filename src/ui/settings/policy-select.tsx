/** A labelled choice of never / address only / full, for one site rule. */
import type { Ref } from 'preact';
import { SITE_POLICIES, type SitePolicy } from '../../core/privacy/site-policy';
import { t, type MessageKey } from '../../shared/i18n';

const LABELS = {
  never: 'settingsPolicyNever',
  'url-only': 'settingsPolicyUrlOnly',
  full: 'settingsPolicyFull',
} as const satisfies Record<SitePolicy, MessageKey>;

interface Props {
  id: string;
  label: string;
  value: SitePolicy;
  selectRef?: Ref<HTMLSelectElement>;
  onChange?: (policy: SitePolicy) => void;
}

export function PolicySelect({ id, label, value, selectRef, onChange }: Props) {
  return (
    <>
      <label class="visually-hidden" for={id}>
        {label}
      </label>
      <select
        id={id}
        ref={selectRef}
        data-testid="site-rule-policy"
        {...(onChange ? { value } : { defaultValue: value })}
        onChange={(event) => {
          const chosen = SITE_POLICIES.find((p) => p === event.currentTarget.value);
          if (chosen) onChange?.(chosen);
        }}
      >
        {SITE_POLICIES.map((policy) => (
          <option key={policy} value={policy}>
            {t(LABELS[policy])}
          </option>
        ))}
      </select>
    </>
  );
}
