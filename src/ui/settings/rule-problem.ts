/** A refused site rule (core/privacy/site-rules-edit), worded in the interface's language. */
import { PATTERN_EXAMPLES, type RuleProblem } from '../../core/privacy/site-rules-edit';
import { t } from '../../shared/i18n';
import { formatCount } from './ui-locale';

export function ruleProblemText(problem: RuleProblem): string {
  switch (problem.code) {
    case 'empty':
      return t('settingsRuleEmpty');
    case 'too-long':
      return t('settingsRuleTooLong', formatCount(problem.max));
    case 'spaces':
      return t('settingsRuleSpaces');
    case 'not-web':
      return t('settingsRuleNotWeb');
    case 'not-understood':
      return t('settingsRuleNotUnderstood', problem.text, PATTERN_EXAMPLES.join(', '));
    case 'too-many':
      return t('settingsRuleTooMany', formatCount(problem.max));
  }
}
