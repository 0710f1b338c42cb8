/**
 * The default blocklist, by group, each entry with what the user made of it: blocked by default
 * (Allow adds a `full` rule for that pattern, which wins over the default) or changed by the user
 * (Block again removes that rule).
 */
import { useState } from 'preact/hooks';
import { DEFAULT_BLOCKLIST_GROUPS } from '../../core/privacy/default-blocklist';
import type { SiteRule } from '../../core/privacy/site-policy';
import { defaultEntries } from '../../core/privacy/site-rules-edit';
import { t, type MessageKey } from '../../shared/i18n';
import { POLICY_WORDS } from './site-rules-editor';
import { formatCount } from './ui-locale';

/** The groups' names in the locale files; a group added to the core without one shows its own. */
const GROUP_NAMES: Readonly<Record<string, MessageKey>> = {
  'Banks and payments': 'settingsBlockGroupBanks',
  Webmail: 'settingsBlockGroupWebmail',
  'Password managers': 'settingsBlockGroupPasswords',
  'Health portals': 'settingsBlockGroupHealth',
  'This computer and private networks': 'settingsBlockGroupLocal',
};

function groupSummary(group: string, size: number, changed: number): string {
  const key = GROUP_NAMES[group];
  const name = key ? t(key) : group;
  return changed > 0
    ? t('settingsBlockGroupChanged', name, formatCount(size), formatCount(changed))
    : t('settingsBlockGroup', name, formatCount(size));
}

interface Props {
  rules: readonly SiteRule[];
  onAllow: (pattern: string) => void;
  onReset: (pattern: string) => void;
}

export function DefaultBlocklistList({ rules, onAllow, onReset }: Props) {
  // A group's entries are rendered only while it is open: a hundred rows re-rendered on every
  // settings change would be work for nothing.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (group: string, isOpen: boolean) =>
    setOpen((now) => {
      const next = new Set(now);
      if (isOpen) next.add(group);
      else next.delete(group);
      return next;
    });
  return (
    <div class="default-blocklist" data-testid="default-blocklist">
      <h3>{t('settingsDefaultBlockHeading')}</h3>
      <p class="hint muted">{t('settingsDefaultBlockHint')}</p>
      {Object.entries(DEFAULT_BLOCKLIST_GROUPS).map(([group, patterns]) => {
        const entries = defaultEntries(rules, patterns);
        const changed = entries.filter((e) => e.override).length;
        return (
          <details
            key={group}
            class="blocklist-group"
            onToggle={(event) => toggle(group, event.currentTarget.open)}
          >
            <summary>{groupSummary(group, patterns.length, changed)}</summary>
            {open.has(group) && (
              <ul class="rule-list">
                {entries.map((entry) => (
                  <li
                    key={entry.pattern}
                    class="rule-row"
                    data-testid="default-rule"
                    data-pattern={entry.pattern}
                  >
                    <span class="rule-pattern">{entry.pattern}</span>
                    <span class="muted" data-testid="default-rule-state">
                      {entry.override
                        ? t('settingsYourRule', t(POLICY_WORDS[entry.policy]))
                        : t('settingsPolicyNever')}
                    </span>
                    {entry.override ? (
                      <button
                        type="button"
                        data-testid="default-rule-reset"
                        onClick={() => onReset(entry.pattern)}
                      >
                        {t('settingsBlockAgain')}
                        <span class="visually-hidden"> {entry.pattern}</span>
                      </button>
                    ) : (
                      <button
                        type="button"
                        data-testid="default-rule-allow"
                        onClick={() => onAllow(entry.pattern)}
                      >
                        {t('settingsAllow')}
                        <span class="visually-hidden"> {entry.pattern}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </details>
        );
      })}
    </div>
  );
}
