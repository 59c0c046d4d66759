// Removing identifying metadata from images before they are encrypted.
//
// Pure: works on a `reader` ({ size, read(offset, length) → Promise<Uint8Array> }) and returns the byte
// ranges of the file to keep, so the page can build the cleaned file as a Blob of slices of the original
// (File.slice) without ever holding the whole file in memory.
//
// JPEG: drops APP1 (EXIF with GPS, XMP), APP3–APP13 and APP15 (maker notes, IPTC/Photoshop), COM (comments),
// APP2 segments other than ICC_PROFILE (e.g. MPF, which points at embedded images), wherever they appear
// before the end-of-image marker, and everything after that marker (phones append thumbnails and
// secondary images there). Keeps APP0 (JFIF), APP2 ICC_PROFILE (colours), APP14 (Adobe, needed to decode
// some CMYK files), tables, frames and scans.
// PNG: drops tEXt, zTXt, iTXt (free text: author, software, comments, XMP), eXIf (EXIF), tIME (last
// modification time); keeps every other chunk. Everything after IEND is dropped.
//
// A file that does not parse as what it claims is reported as { ok: false }: the caller then warns and
// lets the person decide; nothing here guesses.

export const JPEG = 'jpeg';
export const PNG = 'png';

const WINDOW = 1 << 20; // bytes read at a time while scanning JPEG entropy-coded data

/** Which cleaner applies, by content (the first bytes), never by name. */
export function sniffType(head) {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return JPEG;
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && sig.every((b, i) => head[i] === b)) return PNG;
  return null;
}

function ascii(bytes, from, n) {
  let s = '';
  for (let i = 0; i < n && from + i < bytes.length; i++) s += String.fromCharCode(bytes[from + i]);
  return s;
}

/** Segments with a 2-byte length after the marker (everything but SOI, EOI, RSTn, TEM). */
function hasLength(m) {
  return !(m === 0xd8 || m === 0xd9 || (m >= 0xd0 && m <= 0xd7) || m === 0x01);
}

function dropJpegSegment(marker, payloadHead) {
  if (marker === 0xfe) return 'comment'; // COM
  if (marker === 0xe1) return 'exif'; // APP1: Exif or XMP
  if (marker === 0xe2) return ascii(payloadHead, 0, 12) === 'ICC_PROFILE\0' ? null : 'app2';
  if (marker >= 0xe3 && marker <= 0xed) return 'app';
  if (marker === 0xef) return 'app';
  return null; // APP0, APP14, tables, frames, scans
}

/**
 * Plans the cleaning of a JPEG. Returns { ok: true, keep: [[start, end], …], removed: [names] } or
 * { ok: false } when the structure is not a JPEG this code understands.
 */
export async function planJpeg(reader) {
  const size = reader.size;
  const head = await reader.read(0, Math.min(size, 4));
  if (sniffType(head) !== JPEG) return { ok: false };
  const keep = [[0, 2]]; // SOI
  const removed = [];
  let pos = 2;
  let inScan = false;
  // Segment loop; inside scans, look for the next marker in windows.
  while (pos < size) {
    if (inScan) {
      // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or RSTn; anything else is a marker.
      let found = -1;
      while (found < 0 && pos < size) {
        const win = await reader.read(pos, Math.min(WINDOW, size - pos));
        for (let i = 0; i + 1 < win.length; i++) {
          if (win[i] === 0xff) {
            const n = win[i + 1];
            if (n !== 0x00 && !(n >= 0xd0 && n <= 0xd7) && n !== 0xff) {
              found = pos + i;
              break;
            }
          }
        }
        if (found < 0) {
          if (win.length < 2) return { ok: false };
          pos += win.length - 1; // re-read the last byte: a marker may straddle windows
        }
      }
      if (found < 0) return { ok: false }; // no end of image
      keep.push([keep.length ? keep[keep.length - 1][1] : 0, found]);
      pos = found;
      inScan = false;
      continue;
    }
    const hdr = await reader.read(pos, Math.min(4, size - pos));
    if (hdr.length < 2 || hdr[0] !== 0xff) return { ok: false };
    let marker = hdr[1];
    if (marker === 0xff) {
      // Fill bytes before a marker are allowed; skip one.
      pos += 1;
      continue;
    }
    if (marker === 0xd9) {
      // End of image: keep it, drop whatever follows.
      keep.push([pos, pos + 2]);
      if (pos + 2 < size) removed.push('trailer');
      return { ok: true, keep: mergeRanges(keep), removed: unique(removed) };
    }
    if (!hasLength(marker)) {
      keep.push([pos, pos + 2]);
      pos += 2;
      continue;
    }
    if (hdr.length < 4) return { ok: false };
    const len = (hdr[2] << 8) | hdr[3];
    if (len < 2 || pos + 2 + len > size) return { ok: false };
    const payloadHead = await reader.read(pos + 4, Math.min(12, len - 2));
    const why = dropJpegSegment(marker, payloadHead);
    if (why) removed.push(why);
    else keep.push([pos, pos + 2 + len]);
    pos += 2 + len;
    if (marker === 0xda) inScan = true; // SOS: entropy-coded data follows
  }
  return { ok: false }; // ran out of bytes before the end-of-image marker
}

const PNG_DROP = new Map([
  ['tEXt', 'text'],
  ['zTXt', 'text'],
  ['iTXt', 'text'],
  ['eXIf', 'exif'],
  ['tIME', 'time'],
]);

/** Plans the cleaning of a PNG (see the file comment). Same result shape as planJpeg. */
export async function planPng(reader) {
  const size = reader.size;
  const head = await reader.read(0, Math.min(size, 8));
  if (sniffType(head) !== PNG) return { ok: false };
  const keep = [[0, 8]];
  const removed = [];
  let pos = 8;
  let first = true;
  while (pos < size) {
    const hdr = await reader.read(pos, Math.min(8, size - pos));
    if (hdr.length < 8) return { ok: false };
    const len = ((hdr[0] << 24) | (hdr[1] << 16) | (hdr[2] << 8) | hdr[3]) >>> 0;
    const type = ascii(hdr, 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type) || len > 0x7fffffff || pos + 12 + len > size) return { ok: false };
    if (first && type !== 'IHDR') return { ok: false };
    first = false;
    const end = pos + 12 + len;
    const why = PNG_DROP.get(type);
    if (why) removed.push(why);
    else keep.push([pos, end]);
    pos = end;
    if (type === 'IEND') {
      if (pos < size) removed.push('trailer');
      return { ok: true, keep: mergeRanges(keep), removed: unique(removed) };
    }
  }
  return { ok: false }; // no IEND
}

/** Plans the cleaning of any supported image; { ok: false, type: null } for other files. */
export async function planClean(reader) {
  const head = await reader.read(0, Math.min(reader.size, 8));
  const type = sniffType(head);
  if (type === JPEG) return { type, ...(await planJpeg(reader)) };
  if (type === PNG) return { type, ...(await planPng(reader)) };
  return { type: null, ok: false };
}

function mergeRanges(ranges) {
  const out = [];
  for (const [s, e] of ranges) {
    if (e <= s) continue;
    if (out.length && out[out.length - 1][1] === s) out[out.length - 1][1] = e;
    else out.push([s, e]);
  }
  return out;
}

function unique(a) {
  return [...new Set(a)];
}

/** A reader over bytes in memory (tests, small files). */
export function bytesReader(bytes) {
  return { size: bytes.length, read: async (o, n) => bytes.subarray(o, o + n) };
}

/** A reader over a Blob/File: reads only the ranges asked for. */
export function blobReader(blob) {
  return { size: blob.size, read: async (o, n) => new Uint8Array(await blob.slice(o, o + n).arrayBuffer()) };
}

/** Applies a plan to bytes in memory (tests). The page uses Blob slices instead. */
export function applyPlan(bytes, keep) {
  let n = 0;
  for (const [s, e] of keep) n += e - s;
  const out = new Uint8Array(n);
  let o = 0;
  for (const [s, e] of keep) {
    out.set(bytes.subarray(s, e), o);
    o += e - s;
  }
  return out;
}
