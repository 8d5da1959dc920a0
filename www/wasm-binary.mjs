// Reading and writing the parts of the wasm binary format the post-build steps need
// (www/post-build.mjs, www/reorder.mjs): LEB128 numbers, names, the section list.

/** A cursor over `bytes`: `pos`, and readers that advance it. */
export function reader(bytes) {
  const utf8 = new TextDecoder();
  return {
    pos: 0,
    /** An unsigned LEB128 number. */
    u32() {
      let result = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[this.pos++];
        result += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (b < 0x80) return result;
      }
    },
    /** A length-prefixed UTF-8 name. */
    name() {
      const len = this.u32();
      this.pos += len;
      return utf8.decode(bytes.subarray(this.pos - len, this.pos));
    },
    /** The limits of a table or memory (flags, minimum, maximum if flagged). */
    limits() {
      const flags = this.u32();
      this.u32();
      if (flags & 1) this.u32();
    },
  };
}

/** `n` as unsigned LEB128 bytes. */
export function leb(n) {
  const out = [];
  do {
    const b = n % 128;
    n = Math.floor(n / 128);
    out.push(n ? b | 0x80 : b);
  } while (n);
  return out;
}

/** `s` as a length-prefixed UTF-8 name. */
export function text(s) {
  return [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
}

/** The module's sections: `{ id, start, body, end }` (start: the id byte; body: after the size). */
export function sections(bytes) {
  const r = reader(bytes);
  const out = [];
  r.pos = 8;
  while (r.pos < bytes.length) {
    const start = r.pos;
    const id = bytes[r.pos++];
    const size = r.u32();
    out.push({ id, start, body: r.pos, end: r.pos + size });
    r.pos += size;
  }
  return out;
}
