/**
 * The browser's own record of every request Engram's contexts make: the service worker, the
 * engine's offscreen document, the popup and any other extension page, and the workers they start.
 * Read over CDP (Network.requestWillBeSent in each of those targets), not from Playwright's
 * routing, which does not see an extension's service worker or offscreen document.
 *
 * A browser-level session discovers targets (Target.setDiscoverTargets) and attaches to each one
 * whose address is on the extension's origin as it appears; inside each, Target.setAutoAttach
 * reaches its dedicated workers (ONNX Runtime's threads). Playwright's browser session speaks
 * only the non-flat protocol (no session ids on commands), so attached targets are driven with
 * Target.sendMessageToTarget, nested for a worker inside a document, as RealPopup does.
 * Limit: a target is attached when Chrome announces it, so a request in its first milliseconds
 * (before Network.enable arrives) could be missed; Engram's pages fetch only their own bundle then.
 */
import type { CDPSession } from 'playwright-core';
import type { Engram } from './harness';

export interface LoggedRequest {
  /** The extension context that made it: its target type and address. */
  from: string;
  url: string;
  at: number;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** One attached target: a path of session ids from the browser session down to it. */
type Path = readonly string[];

export class ExtensionNetworkLog {
  readonly requests: LoggedRequest[] = [];
  private readonly attached = new Set<string>();
  private nextId = 1_000;

  private constructor(
    private readonly browser: CDPSession,
    private readonly origin: string,
  ) {}

  static async start(engram: Engram): Promise<ExtensionNetworkLog> {
    const browser = engram.context.browser();
    if (!browser) throw new Error('No browser to watch');
    const session = await browser.newBrowserCDPSession();
    const log = new ExtensionNetworkLog(session, `chrome-extension://${engram.extensionId}/`);
    session.on('Target.targetCreated', ({ targetInfo }) => void log.consider(targetInfo));
    session.on('Target.targetInfoChanged', ({ targetInfo }) => void log.consider(targetInfo));
    session.on('Target.receivedMessageFromTarget', ({ sessionId, message }) =>
      log.onMessage([sessionId], message),
    );
    await session.send('Target.setDiscoverTargets', { discover: true });
    for (const info of (await session.send('Target.getTargets')).targetInfos) {
      await log.consider(info);
    }
    return log;
  }

  /** Requests to anything but the extension itself (and `data:`/`blob:`), minus `allowedHosts`. */
  outside(allowedHosts: readonly string[] = []): LoggedRequest[] {
    return this.requests.filter(({ url }) => {
      if (/^(?:chrome-extension|data|blob|chrome|devtools):/i.test(url)) return false;
      try {
        return !allowedHosts.includes(new URL(url).hostname);
      } catch {
        return true;
      }
    });
  }

  /** How many extension targets the log has attached to (a control: zero would prove nothing). */
  get targets(): number {
    return this.attached.size;
  }

  /** The contexts watched now, by type and address (`service_worker chrome-extension://…`). */
  contexts(): string[] {
    return [...this.labels.values()];
  }

  /**
   * The control: every watched context fetches `url?from=<its label>`, which the log must then
   * show under that context. Proves the log sees each one's requests, not only that it attached.
   */
  async probe(url: string): Promise<void> {
    for (const [key, label] of this.labels) {
      const expression = `fetch(${JSON.stringify(`${url}?from=${encodeURIComponent(label)}`)}).catch(() => {})`;
      await this.send(key.split('/'), 'Runtime.evaluate', { expression }).catch(() => undefined);
    }
  }

  stop(): Promise<void> {
    return this.browser.detach().catch(() => undefined);
  }

  private async consider(info: TargetInfo): Promise<void> {
    if (!info.url.startsWith(this.origin) || this.attached.has(info.targetId)) return;
    this.attached.add(info.targetId);
    try {
      const { sessionId } = await this.browser.send('Target.attachToTarget', {
        targetId: info.targetId,
        flatten: false,
      });
      await this.enable([sessionId], `${info.type} ${info.url}`);
    } catch {
      // Gone before it could be attached (a popup closed at once): it made no request since.
      this.attached.delete(info.targetId);
    }
  }

  private readonly labels = new Map<string, string>();

  private async enable(path: Path, label: string): Promise<void> {
    this.labels.set(path.join('/'), label);
    await this.send(path, 'Network.enable', {});
    await this.send(path, 'Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: false,
    }).catch(() => undefined); // a service worker has no children to attach to
    await this.send(path, 'Runtime.runIfWaitingForDebugger', {}).catch(() => undefined);
  }

  /** Send a command to the target at `path`, wrapping it once per level. Replies are not awaited. */
  private async send(path: Path, method: string, params: object): Promise<void> {
    let message = JSON.stringify({ id: ++this.nextId, method, params });
    for (let level = path.length - 1; level >= 1; level -= 1) {
      message = JSON.stringify({
        id: ++this.nextId,
        method: 'Target.sendMessageToTarget',
        params: { sessionId: path[level], message },
      });
    }
    await this.browser.send('Target.sendMessageToTarget', { sessionId: path[0] ?? '', message });
  }

  private onMessage(path: Path, raw: string): void {
    const message = JSON.parse(raw) as Message;
    const params = message.params ?? {};
    switch (message.method) {
      case 'Network.requestWillBeSent': {
        const request = params.request as { url: string } | undefined;
        if (request) {
          this.requests.push({
            from: this.labels.get(path.join('/')) ?? 'unknown',
            url: request.url,
            at: Date.now(),
          });
        }
        break;
      }
      case 'Target.attachedToTarget': {
        const info = params.targetInfo as TargetInfo;
        void this.enable([...path, params.sessionId as string], `${info.type} ${info.url}`);
        break;
      }
      case 'Target.receivedMessageFromTarget':
        this.onMessage([...path, params.sessionId as string], params.message as string);
        break;
      default:
    }
  }
}
