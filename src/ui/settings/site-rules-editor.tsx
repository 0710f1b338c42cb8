/**
 * The user's site rules: add a site with never / address only / full, change or remove a rule,
 * and, when a rule keeps less of a site than before, an offer to delete what is already kept from
 * it (`memory/forget`). The default blocklist is listed below it (./default-blocklist-list.tsx).
 */
import { useRef, useState } from 'preact/hooks';
import { removeRule, setRule } from '../../core/privacy/site-rules-edit';
import type { SitePolicy, SiteRule } from '../../core/privacy/site-policy';
import { db } from '../../shared/db';
import { t, type MessageKey } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import { writeSetting } from '../../shared/settings';
import { DefaultBlocklistList } from './default-blocklist-list';
import { ForgetOffer } from './forget-offer';
import { messageParts } from './message-parts';
import { PolicySelect } from './policy-select';
import { ruleProblemText } from './rule-problem';
import './site-rules.css';

type Status = { kind: 'idle' } | { kind: 'error'; error: string } | { kind: 'saved'; text: string };

export function SiteRulesEditor({ rules }: { rules: readonly SiteRule[] }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** The pattern whose pages may be deleted, after a rule that keeps less of it. */
  const [offer, setOffer] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const policy = useRef<HTMLSelectElement>(null);

  const store = async (next: SiteRule[], done: string, changed?: SiteRule): Promise<boolean> => {
    try {
      await writeSetting(db(), 'siteRules', next);
    } catch (error) {
      setStatus({ kind: 'error', error: t('settingsNotSaved', errorMessage(error)) });
      return false;
    }
    setStatus({ kind: 'saved', text: done });
    setOffer(changed && changed.policy !== 'full' ? changed.pattern : undefined);
    return true;
  };

  const apply = async (pattern: string, chosen: SitePolicy): Promise<boolean> => {
    const edit = setRule(rules, pattern, chosen);
    if (!edit.ok) {
      setStatus({ kind: 'error', error: ruleProblemText(edit.problem) });
      return false;
    }
    const done = t(
      edit.replaced ? 'settingsRuleChanged' : 'settingsRuleAdded',
      edit.rule.pattern,
      t(POLICY_WORDS[chosen]),
    );
    return store(edit.rules, done, edit.rule);
  };

  const add = async () => {
    // The fields themselves, not state: an edit in the same task as the submit is not rendered.
    const raw = input.current?.value ?? '';
    const chosen = (policy.current?.value ?? 'never') as SitePolicy;
    if (await apply(raw, chosen)) {
      if (input.current) input.current.value = '';
    } else {
      input.current?.focus();
    }
  };

  const remove = (pattern: string) =>
    void store(removeRule(rules, pattern), t('settingsRuleRemoved', pattern));
  const invalid = status.kind === 'error';

  return (
    <div class="site-rules" data-testid="site-rules">
      <h3 id="site-rules-heading">{t('settingsSitesHeading')}</h3>
      <p class="hint muted" id="site-rule-hint">
        {messageParts(
          'settingsSiteRulesHint',
          // i18n-exempt: example site patterns, the same in every language
          <code>mail.example.com</code>,
          // i18n-exempt: an example site pattern
          <code>example.com</code>,
        )}
      </p>
      <form
        class="field-row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label class="visually-hidden" for="site-rule-pattern">
          {t('settingsSiteLabel')}
        </label>
        <input
          id="site-rule-pattern"
          ref={input}
          type="text"
          spellcheck={false}
          autoComplete="off"
          // i18n-exempt: an example site pattern, the same in every language
          placeholder="example.com"
          data-testid="site-rule-pattern"
          aria-invalid={invalid}
          aria-describedby={invalid ? 'site-rule-hint site-rule-error' : 'site-rule-hint'}
          onInput={() => status.kind === 'error' && setStatus({ kind: 'idle' })}
        />
        <PolicySelect
          id="site-rule-policy"
          label={t('settingsRuleLabel')}
          selectRef={policy}
          value="never"
        />
        <button type="submit" class="primary" data-testid="add-site-rule">
          {t('settingsAddRule')}
        </button>
      </form>
      {status.kind === 'error' && (
        <p class="field-error" id="site-rule-error" data-testid="site-rule-error" role="alert">
          {status.error}
        </p>
      )}
      {status.kind === 'saved' && (
        <p class="field-ok" data-testid="site-rule-saved" role="status">
          {status.text}
        </p>
      )}
      {offer && <ForgetOffer pattern={offer} onDone={() => setOffer(undefined)} />}
      {rules.length > 0 && (
        <ul class="rule-list" aria-label={t('settingsYourRules')} data-testid="user-rules">
          {rules.map((rule) => (
            <li
              key={rule.pattern}
              class="rule-row"
              data-testid="user-rule"
              data-pattern={rule.pattern}
            >
              <span class="rule-pattern">{rule.pattern}</span>
              <PolicySelect
                id={`rule-${rule.pattern}`}
                label={t('settingsRuleFor', rule.pattern)}
                value={rule.policy}
                onChange={(chosen) => void apply(rule.pattern, chosen)}
              />
              <button type="button" onClick={() => remove(rule.pattern)}>
                {t('settingsRemove')}
                <span class="visually-hidden"> {rule.pattern}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <DefaultBlocklistList
        rules={rules}
        onAllow={(pattern) => void apply(pattern, 'full')}
        onReset={remove}
      />
    </div>
  );
}

/** What a rule does, inside a sentence ("Added: example.com — never read."). */
export const POLICY_WORDS = {
  never: 'settingsPolicyWordNever',
  'url-only': 'settingsPolicyWordUrlOnly',
  full: 'settingsPolicyWordFull',
} as const satisfies Record<SitePolicy, MessageKey>;
