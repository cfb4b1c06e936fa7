/**
 * An insider rebuilding NIKs and KKs from what the API hands out (issue 12, H2): every reply of every route is
 * read as records; within a record, and across records that name the same id, the attacker combines a masked
 * number's region and serial with a birth date and a sex (a NIK is region + DDMMYY, day + 40 for women, +
 * serial), and keeps every 16-digit run as it is. A number counts as rebuilt when a candidate equals a real
 * NIK or KK of the register.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MASKED = /^(\d{6})[\d*]{6}(\d{4})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

interface Facts {
  masks: Set<string>;
  dates: Set<string>;
  sexes: Set<string>;
  numbers: Set<string>;
  ids: Set<string>;
}

const emptyFacts = (): Facts => ({
  masks: new Set(),
  dates: new Set(),
  sexes: new Set(),
  numbers: new Set(),
  ids: new Set(),
});

function merge(into: Facts, from: Facts): void {
  for (const key of ["masks", "dates", "sexes", "numbers", "ids"] as const) {
    for (const v of from[key]) into[key].add(v);
  }
}

function readValue(facts: Facts, key: string, value: string): void {
  for (const run of value.match(/\d{16}/g) ?? []) facts.numbers.add(run);
  if (MASKED.test(value) && value.includes("*")) facts.masks.add(value);
  if (DATE.test(value)) facts.dates.add(value.slice(0, 10));
  if (/^(L|P|laki-laki|perempuan)$/i.test(value) && /sex|jk|jenis|kelamin/i.test(key)) {
    facts.sexes.add(/^(L|laki-laki)$/i.test(value) ? "L" : "P");
  }
  if (UUID.test(value)) facts.ids.add(value);
}

/** The facts of an object and of the objects nested in it (not across arrays: their items are own records). */
function objectFacts(node: Record<string, unknown>, records: Facts[]): Facts {
  const facts = emptyFacts();
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === "string") readValue(facts, key, value);
    else if (typeof value === "number") readValue(facts, key, String(value));
    else if (Array.isArray(value)) walkArray(value, records);
    else if (value && typeof value === "object")
      merge(facts, objectFacts(value as Record<string, unknown>, records));
  }
  return facts;
}

function walkArray(items: readonly unknown[], records: Facts[]): void {
  for (const item of items) {
    if (Array.isArray(item)) walkArray(item, records);
    else if (item && typeof item === "object")
      records.push(objectFacts(item as Record<string, unknown>, records));
  }
}

const identityBearing = (f: Facts) => f.masks.size + f.numbers.size + f.dates.size > 0;

function candidates(f: Facts): string[] {
  const out = [...f.numbers];
  const sexes = f.sexes.size > 0 ? [...f.sexes] : ["L", "P"];
  for (const mask of f.masks) {
    const m = MASKED.exec(mask);
    if (!m) continue;
    const [, region, serial] = m as unknown as [string, string, string];
    for (const date of f.dates) {
      const [, y, mo, d] = DATE.exec(date) as unknown as [string, string, string, string];
      for (const sex of sexes) {
        const day = String(Number(d) + (sex === "P" ? 40 : 0)).padStart(2, "0");
        out.push(`${region}${day}${mo}${y.slice(2)}${serial}`);
      }
    }
  }
  return out;
}

export class Attacker {
  private readonly records: Facts[] = [];

  /** A JSON reply: the root and every object in an array are records. */
  readJson(body: unknown): void {
    if (Array.isArray(body)) walkArray(body, this.records);
    else if (body && typeof body === "object")
      this.records.push(objectFacts(body as Record<string, unknown>, this.records));
  }

  /** A CSV export: every line after the header is a record, its cells named by the header. */
  readCsv(text: string): void {
    const lines = text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .filter(Boolean);
    const header = splitCsv(lines[0] ?? "");
    for (const line of lines.slice(1)) {
      const facts = emptyFacts();
      splitCsv(line).forEach((cell, i) => {
        readValue(facts, header[i] ?? "", cell);
      });
      this.records.push(facts);
    }
  }

  /**
   * How many identity-bearing records yield a real NIK or KK, each record also combined with every other
   * record that names one of its ids (the same person seen through two routes).
   */
  verdict(truth: ReadonlySet<string>): { records: number; rebuilt: number; examples: string[] } {
    const bearing = this.records.filter(identityBearing);
    const byId = new Map<string, Facts>();
    for (const record of bearing) {
      for (const id of record.ids) {
        const linked = byId.get(id) ?? emptyFacts();
        merge(linked, record);
        byId.set(id, linked);
      }
    }
    let rebuilt = 0;
    const examples: string[] = [];
    for (const record of bearing) {
      const combined = emptyFacts();
      merge(combined, record);
      for (const id of record.ids) {
        const linked = byId.get(id);
        if (linked) {
          for (const key of ["masks", "dates", "sexes", "numbers"] as const) {
            for (const v of linked[key]) combined[key].add(v);
          }
        }
      }
      const hit = candidates(combined).find((c) => truth.has(c));
      if (hit) {
        rebuilt++;
        if (examples.length < 3) examples.push(`${hit.slice(0, 6)}…`);
      }
    }
    return { records: bearing.length, rebuilt, examples };
  }
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === "," || ch === ";") {
      out.push(cell);
      cell = "";
    } else cell += ch;
  }
  out.push(cell);
  return out;
}
