/**
 * The default blocklist, by group, each entry with what the user made of it: blocked by default
 * (Allow adds a `full` rule for that pattern, which wins over the default) or changed by the user
 * (Block again removes that rule).
 */
import { useState } from 'preact/hooks';
import { DEFAULT_BLOCKLIST_GROUPS } from '../../core/privacy/default-blocklist';
import type { SiteRule } from '../../core/privacy/site-policy';
import { defaultEntries } from '../../core/privacy/site-rules-edit';

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
      <h3>Never read by default</h3>
      <p class="hint muted">
        Money, mail, passwords, health, and your own machine and network. Allow a site here, or give
        it another rule above.
      </p>
      {Object.entries(DEFAULT_BLOCKLIST_GROUPS).map(([group, patterns]) => {
        const entries = defaultEntries(rules, patterns);
        const changed = entries.filter((e) => e.override).length;
        return (
          <details
            key={group}
            class="blocklist-group"
            onToggle={(event) => toggle(group, event.currentTarget.open)}
          >
            <summary>
              {group} ({patterns.length}
              {changed > 0 ? `, ${changed} changed by you` : ''})
            </summary>
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
                      {entry.override ? `Your rule: ${entry.policy}` : 'Never'}
                    </span>
                    {entry.override ? (
                      <button
                        type="button"
                        data-testid="default-rule-reset"
                        onClick={() => onReset(entry.pattern)}
                      >
                        Block again<span class="visually-hidden"> {entry.pattern}</span>
                      </button>
                    ) : (
                      <button
                        type="button"
                        data-testid="default-rule-allow"
                        onClick={() => onAllow(entry.pattern)}
                      >
                        Allow<span class="visually-hidden"> {entry.pattern}</span>
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
