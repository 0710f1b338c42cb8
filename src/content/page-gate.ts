/**
 * The gate of a watched page, kept for as long as the page is open (issue 11). The gate at page
 * start (the background's verdict for the address, then gate.ts in the page) is not enough for a
 * single-page app: it changes address without loading a page, and adds a login dialog or a
 * checkout step long after load. So:
 * - the address is followed: the Navigation API's `navigate` event where there is one (Chrome
 *   102+; it fires before a `pushState` changes the address), `popstate`, `hashchange`, and a
 *   comparison of `location.href` every 250 ms, since `history.pushState` runs in the page's own
 *   world, where a content script cannot wrap it. A new address closes the gate at once and asks
 *   the background for its verdict (the site rules, path rules included);
 * - a MutationObserver looks at what is added, and at inputs whose `type` or `autocomplete`
 *   changes, for a password or card field (by selector, cheap); the full check of gate.ts (closed
 *   shadow roots included) runs at most once a second while the page changes.
 * Closing is synchronous, opening waits for both verdicts. While closed nothing is recorded, and a
 * page that stops being fully allowed (a refused address, a sensitive field) forgets its buffer.
 */
import type { Timers } from './timers';

export interface PageGateDeps {
  doc: Document;
  win: Window;
  timers: Timers;
  /** The background's verdict for an address (pause, host access, site rules): may it be read? */
  siteAllows(url: string): Promise<boolean>;
  /** The page's own gate, now (gate.ts `gateFields`): no password or card field anywhere. */
  fieldsAllow(): boolean;
  /** Stop recording; `forget`: the page stopped being fully allowed, empty the buffer too. */
  close(forget: boolean): void;
  /** Record again: the page is fully allowed at its current address. */
  open(): void;
}

/** gate.ts's sensitive fields, as a selector for the quick look at what a mutation added. */
const SENSITIVE_FIELD = [
  'input[type="password" i]',
  ...['current-password', 'new-password', 'cc-number', 'cc-csc'].map(
    (token) => `input[autocomplete~="${token}" i]`,
  ),
].join(',');
const ADDRESS_POLL_MS = 250;
const FULL_CHECK_MS = 1_000;

const addressOf = (href: string): string => href.replace(/#.*$/, '');

/** Whether a mutation added, or turned an input into, a password or card field. */
function addsSensitiveField(record: MutationRecord): boolean {
  if (record.type === 'attributes') return matches(record.target);
  for (const node of Array.from(record.addedNodes)) {
    if (matches(node) || (node as Partial<Element>).querySelector?.(SENSITIVE_FIELD)) return true;
  }
  return false;
}

const matches = (node: Node): boolean => {
  try {
    return (node as Partial<Element>).matches?.(SENSITIVE_FIELD) ?? false;
  } catch {
    return false;
  }
};

export class PageGate {
  private isOpen = true;
  private address: string;
  /** The site's verdict for `address`; null while the background is asked. */
  private siteOk: boolean | null = true;
  /** Which verdict is awaited: an answer for an address left since is dropped. */
  private asked = 0;
  private fullCheckPending = false;
  private readonly observer: MutationObserver;
  private poll: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: PageGateDeps) {
    this.address = addressOf(deps.win.location.href);
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  /** Whether the page may be recorded now. */
  get open(): boolean {
    return this.isOpen;
  }

  /** Start following the page; the address was allowed already, the fields are checked now. */
  start(): void {
    const { doc, win } = this.deps;
    const root = doc.documentElement ?? doc;
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['type', 'autocomplete'],
    });
    win.addEventListener('popstate', this.follow);
    win.addEventListener('hashchange', this.follow);
    navigationOf(win)?.addEventListener('navigate', this.onNavigate);
    this.poll = setInterval(this.follow, ADDRESS_POLL_MS);
    this.decide();
  }

  stop(): void {
    const { win } = this.deps;
    this.observer.disconnect();
    win.removeEventListener('popstate', this.follow);
    win.removeEventListener('hashchange', this.follow);
    navigationOf(win)?.removeEventListener('navigate', this.onNavigate);
    if (this.poll !== undefined) clearInterval(this.poll);
    this.asked += 1;
  }

  /** A navigation is about to happen: nothing counts until the new address is known and allowed. */
  private readonly onNavigate = (): void => {
    this.shut(false);
    // `pushState` changes the address right after its `navigate` event.
    this.deps.timers.later(() => this.follow(true), 0);
  };

  /** Compare the address; a new one (or a navigation to the same) is decided afresh. */
  private readonly follow = (navigated: unknown = false): void => {
    const address = addressOf(this.deps.win.location.href);
    if (address === this.address) {
      if (navigated === true) this.decide();
      return;
    }
    this.address = address;
    this.shut(false);
    this.siteOk = null;
    const ticket = ++this.asked;
    const answer = (ok: boolean) => {
      if (ticket !== this.asked) return;
      this.siteOk = ok;
      this.decide();
    };
    this.deps.siteAllows(this.deps.win.location.href).then(answer, () => answer(false));
  };

  private onMutations(records: MutationRecord[]): void {
    if (records.some(addsSensitiveField)) this.shut(true);
    if (this.fullCheckPending) return;
    this.fullCheckPending = true;
    this.deps.timers.later(() => {
      this.fullCheckPending = false;
      this.decide();
    }, FULL_CHECK_MS);
  }

  /** Open or close on what is known: the address's verdict, then the fields (the full check). */
  private decide(): void {
    if (this.siteOk === null) return;
    if (this.siteOk && this.deps.fieldsAllow()) {
      if (this.isOpen) return;
      this.isOpen = true;
      this.deps.open();
    } else {
      this.shut(true);
    }
  }

  private shut(forget: boolean): void {
    if (!this.isOpen && !forget) return;
    this.isOpen = false;
    this.deps.close(forget);
  }
}

/** The Navigation API (Chrome 102+); not in TypeScript's DOM types yet, hence the shape here. */
export function navigationOf(win: Window): EventTarget | undefined {
  const navigation = (win as Window & { navigation?: unknown }).navigation;
  return typeof EventTarget !== 'undefined' && navigation instanceof EventTarget
    ? navigation
    : undefined;
}
