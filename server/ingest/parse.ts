/**
 * Reads an intake request body into items, before any vendor logic: size limits, UTF-8, JSON syntax, nesting depth,
 * batches (JSON array or NDJSON), integers too large for a double (kept as strings), text hygiene. Pure.
 */
export const LIMITS = {
  itemBytes: 1_048_576,
  batchBytes: 16 * 1_048_576,
  batchItems: 5_000,
  depth: 64,
} as const;

export type IntakeErrorCode =
  | "empty_body"
  | "invalid_utf8"
  | "invalid_json"
  | "too_large"
  | "too_many_items"
  | "too_deep"
  | "not_object";

/** A whole-request failure (400/413/422), or, inside a batch, one item's. */
export class IntakeError extends Error {
  constructor(
    readonly status: 400 | 413 | 422,
    readonly code: IntakeErrorCode | string,
    message: string,
    readonly path = "",
  ) {
    super(message);
    this.name = "IntakeError";
  }
}

/**
 * A parsed item keeps its JSON text (with over-long integers already quoted) so the raw payload can be stored without
 * serialising it again; `text` is absent when the item must be cleaned first (NUL or lone-surrogate escapes).
 */
export type ParsedItem =
  | { ok: true; value: Record<string, unknown>; text?: string }
  | { ok: false; error: IntakeError };
export type ParsedBody = { batch: false; item: ParsedItem & { ok: true } } | { batch: true; items: ParsedItem[] };

const MiB = (n: number) => `${n / 1_048_576} MiB (${n.toLocaleString("en-US")} bytes)`;

/** Fails fast on a declared or received size over the batch limit, before reading or parsing. */
export function checkDeclaredSize(contentLength: number | null) {
  if (contentLength !== null && contentLength > LIMITS.batchBytes) {
    throw new IntakeError(413, "too_large", `The body is larger than the limit of ${MiB(LIMITS.batchBytes)}.`);
  }
}

export function parseBody(bytes: Uint8Array, contentType: string | null): ParsedBody {
  if (bytes.byteLength > LIMITS.batchBytes) {
    throw new IntakeError(413, "too_large", `The body is larger than the limit of ${MiB(LIMITS.batchBytes)}.`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new IntakeError(400, "invalid_utf8", "The body is not valid UTF-8.");
  }
  const first = firstNonSpace(text);
  if (first < 0) throw new IntakeError(400, "empty_body", "The body is empty.");
  const ndjson = /application\/(x-)?ndjson|application\/jsonl|application\/x-jsonlines/i.test(contentType ?? "");
  if (ndjson) return { batch: true, items: parseNdjson(text) };
  if (text.charCodeAt(first) === 0x5b /* [ */) return { batch: true, items: parseArray(text, first) };
  if (bytes.byteLength > LIMITS.itemBytes) {
    throw new IntakeError(413, "too_large", `A single alert may be at most ${MiB(LIMITS.itemBytes)}.`);
  }
  const { value, source } = parseJsonText(text, 0, text.length);
  return { batch: false, item: { ok: true, value: asObject(value), text: storable(source) } };
}

function parseNdjson(text: string): ParsedItem[] {
  const items: ParsedItem[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (firstNonSpace(text, start, end) >= 0) {
      if (items.length === LIMITS.batchItems) {
        throw new IntakeError(413, "too_many_items", `A batch may hold at most ${LIMITS.batchItems} items.`);
      }
      items.push(parseItem(text, start, end));
    }
    start = end + 1;
  }
  if (items.length === 0) throw new IntakeError(400, "empty_body", "The body holds no items.");
  return items;
}

function parseArray(text: string, open: number): ParsedItem[] {
  const spans = topLevelElements(text, open);
  if (spans.length > LIMITS.batchItems) {
    throw new IntakeError(413, "too_many_items", `A batch may hold at most ${LIMITS.batchItems} items.`);
  }
  if (spans.length === 0) throw new IntakeError(400, "empty_body", "The batch is an empty array.");
  return spans.map(([s, e]) => parseItem(text, s, e));
}

function parseItem(text: string, start: number, end: number): ParsedItem {
  try {
    if (end - start > LIMITS.itemBytes / 4 && byteLength(text, start, end) > LIMITS.itemBytes) {
      throw new IntakeError(413, "too_large", `An item may be at most ${MiB(LIMITS.itemBytes)}.`);
    }
    const { value, source } = parseJsonText(text, start, end);
    return { ok: true, value: asObject(value), text: storable(source) };
  } catch (e) {
    if (e instanceof IntakeError) return { ok: false, error: e };
    throw e;
  }
}

function asObject(v: unknown): Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    throw new IntakeError(422, "not_object", "An alert must be a JSON object.");
  }
  return v as Record<string, unknown>;
}

/**
 * JSON.parse of text[start, end) after one scan that enforces the depth limit and quotes integer literals that a
 * double cannot hold exactly (e.g. CrowdStrike process ids), so they survive as strings.
 */
export function parseJson(text: string, start: number, end: number): unknown {
  return parseJsonText(text, start, end).value;
}

/** Escapes PostgreSQL's jsonb refuses (\u0000, lone surrogates): such text is cleaned through `sanitize` instead. */
const UNSTORABLE = /\\u(0000|d[89a-f])/i;
const storable = (source: string) => (UNSTORABLE.test(source) ? undefined : source);

/**
 * Whether the text holds a run of 16 digits: the only way a JSON text can hold an integer a double cannot (2^53 has 16
 * digits). Looks at every 16th character only, and around it when it is a digit (a run of 16 must cover one of
 * them): a fraction of a regular expression's per-character scan on the intake's hot path.
 */
export function hasLongDigits(s: string): boolean {
  const digit = (i: number) => {
    const c = s.charCodeAt(i);
    return c >= 48 && c <= 57;
  };
  let i = 15;
  while (i < s.length) {
    if (!digit(i)) {
      i += 16;
      continue;
    }
    let lo = i;
    while (lo > 0 && i - lo < 15 && digit(lo - 1)) lo--;
    let hi = i;
    while (hi + 1 < s.length && digit(hi + 1)) hi++;
    if (hi - lo + 1 >= 16) return true;
    i = hi + 16;
  }
  return false;
}

/**
 * As parseJson, also returning the exact text that was parsed. The common case (no 16-digit run anywhere) is the
 * native parser plus a walk of the result for the depth limit; otherwise, and for any syntax error (so the error is
 * the same either way), the scanning path below.
 */
export function parseJsonText(text: string, start: number, end: number): { value: unknown; source: string } {
  const src = text.slice(start, end);
  if (!hasLongDigits(src)) {
    let value: unknown;
    let parsed = true;
    try {
      value = JSON.parse(src);
    } catch {
      parsed = false;
    }
    if (parsed) {
      if (deeperThan(value, LIMITS.depth)) {
        throw new IntakeError(422, "too_deep", `JSON nesting is deeper than ${LIMITS.depth} levels.`);
      }
      return { value, source: src };
    }
  }
  return scanAndParse(text, start, end);
}

function deeperThan(v: unknown, room: number): boolean {
  if (v === null || typeof v !== "object") return false;
  if (room === 0) return true;
  if (Array.isArray(v)) {
    for (const x of v) if (x !== null && typeof x === "object" && deeperThan(x, room - 1)) return true;
    return false;
  }
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== null && typeof x === "object" && deeperThan(x, room - 1)) return true;
  }
  return false;
}

function scanAndParse(text: string, start: number, end: number): { value: unknown; source: string } {
  const big: number[] = [];
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i = skipString(text, i, end);
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > LIMITS.depth) {
        throw new IntakeError(422, "too_deep", `JSON nesting is deeper than ${LIMITS.depth} levels.`);
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      let integer = true;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (d >= 0x30 && d <= 0x39) j++;
        else if (d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) {
          integer = false;
          j++;
        } else break;
      }
      if (integer && j - i > 15 && !Number.isSafeInteger(Number(text.slice(i, j)))) big.push(i, j);
      i = j - 1;
    }
  }
  let src = text.slice(start, end);
  if (big.length > 0) {
    let out = "";
    let last = start;
    for (let k = 0; k < big.length; k += 2) {
      out += `${text.slice(last, big[k])}"${text.slice(big[k], big[k + 1])}"`;
      last = big[k + 1]!;
    }
    src = out + text.slice(last, end);
  }
  try {
    return { value: JSON.parse(src), source: src };
  } catch (e) {
    const detail = (e as Error).message.replace(/\s+/g, " ").slice(0, 160);
    throw new IntakeError(400, "invalid_json", `The body is not valid JSON (${detail}).`);
  }
}

function skipString(text: string, i: number, end: number): number {
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j;
  }
  return end;
}

/** [start, end) of each element of the top-level array that opens at `open`. Syntax is checked later by JSON.parse. */
function topLevelElements(text: string, open: number): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let elStart = -1;
  let i = open;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      if (depth === 1 && elStart < 0) elStart = i;
      i = skipString(text, i, text.length);
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth === 2 && elStart < 0) elStart = i;
      if (depth > LIMITS.depth + 1)
        throw new IntakeError(422, "too_deep", `JSON nesting is deeper than ${LIMITS.depth} levels.`);
      continue;
    }
    if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) {
        if (elStart >= 0) spans.push([elStart, i]);
        break;
      }
      continue;
    }
    if (c === 0x2c && depth === 1) {
      if (elStart < 0) throw new IntakeError(400, "invalid_json", "The body is not valid JSON (empty array element).");
      spans.push([elStart, i]);
      elStart = -1;
      continue;
    }
    if (depth === 1 && elStart < 0) elStart = i;
  }
  if (depth !== 0) throw new IntakeError(400, "invalid_json", "The body is not valid JSON (the array is not closed).");
  if (firstNonSpace(text, i + 1, text.length) >= 0) {
    throw new IntakeError(400, "invalid_json", "The body is not valid JSON (text after the array).");
  }
  return spans;
}

function firstNonSpace(text: string, start = 0, end = text.length): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return i;
  }
  return -1;
}

function byteLength(text: string, start: number, end: number) {
  return Buffer.byteLength(text.slice(start, end), "utf8");
}

/**
 * Text hygiene for anything stored: NUL stripped, lone surrogates → U+FFFD. Keys are copied as own properties, so
 * "__proto__" and "constructor" stay plain data and never reach a prototype.
 */
export function sanitize(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(sanitize);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, cleanText(key), {
        value: sanitize((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

export function cleanText(s: string): string {
  let out = s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
  if (!out.isWellFormed()) out = out.toWellFormed();
  return out;
}
