/**
 * A minimal PNG encoder for 8-bit RGBA pixels (the share cards, lib/share-cards.ts).
 *
 * Why not resvg's own `asPng()`: it compresses hard, and on a 1200×630 card that took ~23 ms
 * of CPU, more than the layout and the rasterising together; a card is flat colour and text,
 * which zlib's fast level 2 squeezes as well (~45 kB either way) in ~9 ms. Every row uses PNG
 * filter 0 (none): filtering would cost more than it saves on such images.
 *
 * Layout (PNG spec, https://www.w3.org/TR/png-3/): the 8-byte signature, then chunks of
 * length (4 bytes, big-endian) + type + data + CRC-32 of type and data: IHDR, IDAT, IEND.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`encodePng: ${rgba.length} bytes is not ${width}×${height} RGBA`);
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  // Each row starts with its filter type byte (0), which Buffer.alloc already wrote.
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA (compression, filter and interlace methods stay 0)
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 2 })), chunk('IEND', Buffer.alloc(0))]);
}
