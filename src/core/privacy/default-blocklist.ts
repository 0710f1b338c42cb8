/**
 * The sites Engram never reads until the user says otherwise (issue 5, DESIGN.md "Privacy and
 * trust"): where a page is the user's money, mail, passwords or health, or a machine on their own
 * network. A modest list of the big names, not a registry: the password-field rule of the gate
 * (src/content/gate.ts) and the redactor (./redact.ts) catch much of what it misses, and the user
 * edits it. The pattern syntax is documented in ./site-policy.ts: a bare domain also covers its
 * subdomains, `label.*` any host starting with that label, `host/path` a path and what is under it.
 */
import type { SiteRule } from './site-policy';

export const DEFAULT_BLOCKLIST_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'Banks and payments': [
    'paypal.com',
    'venmo.com',
    'cash.app',
    'dashboard.stripe.com',
    'wise.com',
    'revolut.com',
    'monzo.com',
    'n26.com',
    'chase.com',
    'bankofamerica.com',
    'wellsfargo.com',
    'citi.com',
    'capitalone.com',
    'usbank.com',
    'americanexpress.com',
    'discover.com',
    'schwab.com',
    'fidelity.com',
    'vanguard.com',
    'hsbc.com',
    'hsbc.co.uk',
    'barclays.co.uk',
    'lloydsbank.com',
    'natwest.com',
    'coinbase.com',
    'alipay.com',
    'icbc.com.cn',
    'ccb.com',
    'boc.cn',
    'cmbchina.com',
  ],
  Webmail: [
    'mail.google.com',
    'outlook.live.com',
    'outlook.office.com',
    'outlook.office365.com',
    'mail.yahoo.com',
    'proton.me/mail',
    'mail.proton.me',
    'mail.aol.com',
    'icloud.com/mail',
    'app.fastmail.com',
    'mail.zoho.com',
    'mail.qq.com',
    'mail.163.com',
    'mail.126.com',
  ],
  'Password managers': [
    '1password.com',
    '1password.eu',
    '1password.ca',
    'vault.bitwarden.com',
    'vault.bitwarden.eu',
    'lastpass.com',
    'app.dashlane.com',
    'keepersecurity.com/vault',
  ],
  'Health portals': [
    'mychart.*',
    'patientportal.*',
    'followmyhealth.com',
    'myhealth.va.gov',
    'healow.com',
    'healthy.kaiserpermanente.org',
  ],
  // Nothing on the user's own machine or network: dev servers, routers, NAS admin pages.
  'This computer and private networks': [
    'localhost',
    'local',
    'internal',
    'home.arpa',
    'lan',
    '0.0.0.0/8',
    '10.0.0.0/8',
    '100.64.0.0/10',
    '127.0.0.0/8',
    '169.254.0.0/16',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '[::]',
    '[::1]',
    '[fc00::]/7',
    '[fe80::]/10',
  ],
};

/** Every default pattern as a `never` rule. */
export const DEFAULT_BLOCKLIST: readonly SiteRule[] = Object.values(DEFAULT_BLOCKLIST_GROUPS)
  .flat()
  .map((pattern) => ({ pattern, policy: 'never' as const }));
