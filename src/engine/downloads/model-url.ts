/**
 * Which model file a URL names, in the hub's layout that transformers.js builds from
 * `env.remoteHost` + `env.remotePathTemplate` (default `{model}/resolve/{revision}/`) + file.
 */

export interface ModelFileRef {
  /** The URL, normalised (`new URL(url).href`): also the cache key. */
  url: string;
  /** `owner/name`, or a bare name for the hub's legacy models. */
  model: string;
  revision: string;
  /** Path inside the model, e.g. `onnx/model_quantized.onnx`. */
  file: string;
}

/** The model file `url` names under `host`, or undefined when it is not one. */
export function modelFileOf(url: string, host: string): ModelFileRef | undefined {
  let href: string;
  let base: string;
  try {
    href = new URL(url).href;
    base = new URL(host.endsWith('/') ? host : `${host}/`).href;
  } catch {
    return undefined;
  }
  if (!href.startsWith(base)) return undefined;
  const rest = new URL(href).pathname.slice(new URL(base).pathname.length);
  // The model id is everything before the first `/resolve/`: ids have one slash at most.
  const match = /^(.+?)\/resolve\/([^/]+)\/(.+)$/.exec(rest);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return {
    url: href,
    model: decodeURIComponent(match[1]),
    revision: decodeURIComponent(match[2]),
    file: decodeURIComponent(match[3]),
  };
}
