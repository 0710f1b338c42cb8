/**
 * Saves a stream of chunks as a file without holding it in the page's memory:
 * - where the page may ask for a file (`showSaveFilePicker`, File System Access), each chunk is
 *   written to the chosen file as it comes;
 * - elsewhere, each chunk becomes a Blob of its own and the file is a Blob of those parts, which
 *   the browser keeps in its blob storage (outside the page's heap, on disk when large), offered
 *   through a download link.
 * The picker must be asked before anything else awaits (it needs the click's user activation):
 * `chooseTarget` first, then the export.
 */

export interface SaveTarget {
  /** The file name the user chose, or the one suggested for a download. */
  readonly name: string;
  write(chunk: string | Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

interface PickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types: Array<{ description: string; accept: Record<string, string[]> }>;
  }) => Promise<{
    name: string;
    createWritable(): Promise<{
      write(data: string | Uint8Array<ArrayBuffer>): Promise<void>;
      close(): Promise<void>;
      abort(): Promise<void>;
    }>;
  }>;
}

/** Asks where to save (picker), or prepares a download; undefined when the user cancelled. */
export async function chooseTarget(
  suggestedName: string,
  mime: string,
  extension: string,
  description: string,
): Promise<SaveTarget | undefined> {
  const picker = (window as PickerWindow).showSaveFilePicker;
  if (!picker) return downloadTarget(suggestedName, mime);
  let handle;
  try {
    handle = await picker({
      suggestedName,
      types: [{ description, accept: { [mime]: [extension] } }],
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    // A picker refused here (a policy, no activation): the download still works.
    return downloadTarget(suggestedName, mime);
  }
  const writable = await handle.createWritable();
  return {
    name: handle.name,
    write: (chunk) => writable.write(chunk),
    close: () => writable.close(),
    abort: () => writable.abort(),
  };
}

function downloadTarget(name: string, mime: string): SaveTarget {
  let parts: Blob[] = [];
  return {
    name,
    write(chunk) {
      parts.push(new Blob([chunk]));
      return Promise.resolve();
    },
    close() {
      const url = URL.createObjectURL(new Blob(parts, { type: mime }));
      parts = [];
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      // Long enough for the browser to start reading it; the download keeps its own reference.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve();
    },
    abort() {
      parts = [];
      return Promise.resolve();
    },
  };
}

/** Writes every chunk to the target and closes it; aborts it if the stream fails. */
export async function saveStream(
  target: SaveTarget,
  chunks: AsyncIterable<string | Uint8Array<ArrayBuffer>>,
): Promise<void> {
  try {
    for await (const chunk of chunks) await target.write(chunk);
  } catch (error) {
    await target.abort().catch(() => undefined);
    throw error;
  }
  await target.close();
}
