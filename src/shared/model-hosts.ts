/**
 * The only network hosts Engram's extension pages may reach, and the one place they are named:
 * vite.config.ts writes the manifest's `extension_pages` CSP from `extensionPagesCsp()` (and
 * tests/build/csp.test.ts checks the top-level manifest.json says the same), and the settings page
 * refuses a model host that `isAllowedModelHost` does not accept — a host the CSP would block is
 * refused with a reason instead of failing every download later (issue 11).
 *
 * Only the engine (the offscreen document) downloads, and only model files. Pure data and string
 * work: vite.config.ts imports this module at build time.
 */

/** CSP source expressions of the model hosts a user may choose as the `modelHost` setting. */
export const MODEL_HOSTS = [
  // The Hugging Face hub, the default.
  'https://huggingface.co',
  // The widely used mirror of the hub, reachable where the hub is not (mainland China).
  'https://hf-mirror.com',
  // Loopback: a model host the user runs on this computer, and the test builds' fixture host.
  'http://127.0.0.1:*',
  'http://localhost:*',
] as const;

/**
 * Where the hubs redirect a file download: never chosen, only followed. Hugging Face lists its
 * storage and CDN hosts in https://huggingface.co/.well-known/meta.json (`lfsDomains`:
 * cdn-lfs.hf.co, cdn-lfs-us-1.hf.co, transfer.xethub.hf.co …; `cdnDomains`: *.cdn.hf.co), older
 * redirects still name cdn-lfs*.huggingface.co, and Xet-backed files come from
 * cas-bridge.xethub.hf.co. They change over time, all under these two domains, hence the
 * wildcards. The mirror serves its redirects from its own subdomains.
 */
export const MODEL_DOWNLOAD_HOSTS = [
  'https://*.hf.co',
  'https://*.huggingface.co',
  'https://*.hf-mirror.com',
] as const;

/**
 * The manifest's `content_security_policy.extension_pages`. Everything comes from the package
 * (`'self'`); `'wasm-unsafe-eval'` lets ONNX Runtime compile its WebAssembly; images may also be
 * `data:`/`blob:` URLs made in the page, never fetched; only `connect-src` names hosts, for the
 * engine's model downloads. The pages that never download (popup, side panel, settings, welcome)
 * narrow `connect-src` to `'self'` again with a `<meta>` policy of their own.
 */
export function extensionPagesCsp(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "object-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ${[...MODEL_HOSTS, ...MODEL_DOWNLOAD_HOSTS].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Whether `url` matches one source expression of `MODEL_HOSTS` (scheme, host, port; no wildcard host). */
function matchesSource(url: URL, source: string): boolean {
  const pattern = new URL(source.replace(/:\*$/, ''));
  if (url.protocol !== pattern.protocol || url.hostname !== pattern.hostname) return false;
  // `:*` allows any port; otherwise only the scheme's default port (the URL parser drops it).
  return source.endsWith(':*') || url.port === '';
}

/**
 * Whether the CSP lets the engine download from `modelHost` (an http(s) URL such as
 * `https://hf-mirror.com/`): its scheme, host and port match one of `MODEL_HOSTS`. No user name or
 * password is accepted either: they would travel with every request.
 */
export function isAllowedModelHost(modelHost: string): boolean {
  let url: URL;
  try {
    url = new URL(modelHost);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  return MODEL_HOSTS.some((source) => matchesSource(url, source));
}

/** The allowed model hosts as a person reads them, for the settings page's refusal. */
export const modelHostsForPeople = (): string =>
  MODEL_HOSTS.map((source) => source.replace(/:\*$/, '')).join(', ');
