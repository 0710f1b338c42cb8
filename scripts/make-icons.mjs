// Draws Engram's toolbar icons (public/icons/icon-{16,32,48,128}.png) procedurally, so the art is
// reproducible and needs no image tools: a deep-indigo rounded square holding a bright "memory
// node" ring with a dot, anti-aliased by 4×4 supersampling. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = resolve(import.meta.dirname, '../public/icons');

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour of the icon at (u, v) in [0, 1]², or null where transparent. */
function shade(u, v) {
  const r = 0.22; // corner radius
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if (Math.hypot(u - cx, v - cy) > r) return null;
  const d = Math.hypot(u - 0.5, v - 0.5);
  if (d < 0.12) return [255, 214, 102]; // the remembered spark
  if (d > 0.24 && d < 0.34) return [236, 233, 255]; // the ring of memory
  const t = v; // indigo, lighter at the top
  return [Math.round(72 - 30 * t), Math.round(61 - 30 * t), Math.round(190 - 60 * t)];
}

mkdirSync(OUT, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const pixels = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          if (!c) continue;
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (sum[3] > 0) pixels.set([sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3]], i);
      pixels[i + 3] = Math.round((255 * sum[3]) / (S * S));
    }
  }
  writeFileSync(resolve(OUT, `icon-${size}.png`), png(size, pixels));
}
console.log(`icons written to ${OUT}`);
