/**
 * Regroups a stream of byte pieces (however the network happened to cut them) into groups of
 * exactly `size` bytes, the last one shorter: the parts a download stores. Pieces are split with
 * `subarray`, so no byte is copied.
 */
export async function* rechunk<T extends Uint8Array>(
  pieces: AsyncIterable<T>,
  size: number,
): AsyncGenerator<T[]> {
  let group: T[] = [];
  let length = 0;
  for await (const piece of pieces) {
    let rest = piece;
    while (length + rest.length >= size) {
      const take = size - length;
      yield [...group, rest.subarray(0, take) as T];
      group = [];
      length = 0;
      rest = rest.subarray(take) as T;
    }
    if (rest.length > 0) {
      group.push(rest);
      length += rest.length;
    }
  }
  if (length > 0) yield group;
}
