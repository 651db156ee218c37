/** RFC 9553 §1.4.1: an Id is 1–255 characters of `A-Za-z0-9-_`. */
export const ID_SHAPE = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * Hands out map keys for one JSContact collection (`emails`, `phones`, …). RFC 9555 §2.1.2 leaves
 * the scheme to the implementation: PROP-IDs are used as given; other entries get `k1`, `k2`, …
 * per collection (as calcard does), skipping every key a PROP-ID of the card claims anywhere, so
 * a generated key never collides with a later explicit one.
 */
export class IdAllocator {
  // Keys are `collection + "\u0000" + id`. Generated keys are not stored: per collection they are
  // k1 … k(next-1) without the reserved ones.
  #reserved: Set<string> | undefined;
  #explicit: Set<string> | undefined;
  readonly #next: Record<string, number> = Object.create(null) as Record<string, number>;

  /** Marks `id` as claimed by a PROP-ID in `collection`, before any key is handed out. */
  reserve(collection: string, id: string): void {
    (this.#reserved ??= new Set()).add(collection + '\u0000' + id);
  }

  /**
   * The key for a new entry: `wanted` (a PROP-ID) when it is a valid Id not used yet in the
   * collection, else a generated one. `explicit` tells which happened.
   */
  take(collection: string, wanted: string | undefined): { id: string; explicit: boolean } {
    if (wanted !== undefined && ID_SHAPE.test(wanted)) {
      const key = collection + '\u0000' + wanted;
      if (!this.#explicit?.has(key) && !this.#generated(collection, wanted, key)) {
        (this.#explicit ??= new Set()).add(key);
        return { id: wanted, explicit: true };
      }
    }
    let n = this.#next[collection] ?? 1;
    let id = 'k' + n;
    if (this.#reserved !== undefined || this.#explicit !== undefined) {
      const prefix = collection + '\u0000';
      while (this.#reserved?.has(prefix + id) || this.#explicit?.has(prefix + id)) id = 'k' + ++n;
    }
    this.#next[collection] = n + 1;
    return { id, explicit: false };
  }

  /** Whether `id` was handed out as a generated key of `collection`. */
  #generated(collection: string, id: string, key: string): boolean {
    const m = /^k([1-9]\d*)$/.exec(id);
    return m !== null && Number(m[1]) < (this.#next[collection] ?? 1) && !this.#reserved?.has(key);
  }
}

/**
 * A stable `urn:uuid:` for a card without UID (RFC 9555 §2.1.1: the uid SHOULD be the same when
 * the same vCard is converted again): a 128-bit FNV-1a hash of the text, shaped as a UUID v8.
 */
export function stableUid(text: string): string {
  // Four interleaved 32-bit FNV-1a lanes with different offsets make 128 bits.
  const lanes = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x6a09e667];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul(lanes[l]! ^ (c + l), 0x01000193) >>> 0;
  }
  const hex = lanes.map((x) => x.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
