/**
 * Reading a header cell by meaning (SPEC §4): its unit and its year are taken out first (`Budget
 * 2024/25 £000` is a budget, for 2024/25, in £000), then its words are read as tokens and matched
 * against the vocabulary (vocabulary.ts): the concept whose phrase covers the most tokens wins.
 */
import { yearInText, YearInText } from "../financial-year";
import { foreignUnitInText, takeUnit, Unit } from "../units";
import {
  Concept,
  MAX_TOTAL_LABEL_WORDS,
  NOT_TOTAL_AFTER,
  SUBTOTAL_LABELS,
  TARGET_LABELS,
  TOTAL_LABELS,
  VOCABULARY,
} from "./vocabulary";

/** What a header cell says about its column. */
export interface HeaderMeaning {
  text: string;
  concept: Concept | null;
  unit: Unit | null;
  /** A unit in another currency (`$000`): reported, never read as pounds. */
  foreignUnit: string | null;
  year: YearInText | null;
  /** `Saving / (Growth)`: a saving column whose negative figures are growth. */
  signed: boolean;
}

/** Longest text read as a header: titles and notes are longer. */
const MAX_HEADER_LENGTH = 90;

/** A word as the vocabulary holds it: plurals and possessives folded (`savings`, `saving's` → `saving`). */
function fold(token: string): string {
  if (token.length > 3 && token.endsWith("ies")) return token.slice(0, -3) + "y";
  if (token.length > 2 && token.endsWith("s") && !/(?:ss|us|is)$/.test(token)) return token.slice(0, -1);
  return token;
}

/** Header or label text as tokens: `Children's Savings & Reductions (%)` → children saving and reduction percent. */
export function tokens(text: string): string[] {
  const t = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/(\d),(?=\d{3})/g, "$1")
    .replace(/&/g, " and ")
    .replace(/%/g, " percent ");
  const out: string[] = [];
  for (const raw of t.split(/[^a-z0-9]+/)) {
    if (raw === "" || raw === "s") continue;
    out.push(fold(raw));
  }
  return out;
}

/** The index of `phrase` as a run of `words`, or -1. */
function indexOfRun(words: readonly string[], phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return i;
  }
  return -1;
}

/** One phrase of the vocabulary, as tokens, with its concept and that concept's priority. */
interface Phrase {
  concept: Concept;
  dominant: boolean;
  /** The concept's place in VOCABULARY: earlier wins a tie. */
  priority: number;
  tokens: string[];
}

/** The vocabulary ready for matching: the built-in words, plus any a workbook's settings add. */
export interface Vocabulary {
  /** Phrases by their first token, so that a cell's words look up only the phrases they could start. */
  byFirstToken: ReadonlyMap<string, readonly Phrase[]>;
}

/** Builds the matcher's vocabulary; `extra` adds words to concepts (a council's own wording). */
export function compileVocabulary(extra: Partial<Record<Concept, readonly string[]>> = {}): Vocabulary {
  const byFirstToken = new Map<string, Phrase[]>();
  VOCABULARY.forEach((c, priority) => {
    for (const text of [...c.phrases, ...(extra[c.concept] ?? [])]) {
      const phrase = tokens(text);
      if (phrase.length === 0) continue;
      const list = byFirstToken.get(phrase[0]) ?? [];
      list.push({ concept: c.concept, dominant: c.dominant === true, priority, tokens: phrase });
      byFirstToken.set(phrase[0], list);
    }
  });
  return { byFirstToken };
}

export const DEFAULT_VOCABULARY = compileVocabulary();

/**
 * The concept of some words: a dominant concept found anywhere wins (`% of net budget` is a
 * percentage); otherwise the longest phrase found, then the earlier concept.
 */
export function conceptOf(words: readonly string[], vocabulary: Vocabulary = DEFAULT_VOCABULARY): Concept | null {
  let best: Phrase | null = null;
  for (let i = 0; i < words.length; i++) {
    for (const phrase of vocabulary.byFirstToken.get(words[i]) ?? []) {
      if (!runsAt(words, phrase.tokens, i) || (best !== null && !better(phrase, best))) continue;
      best = phrase;
    }
  }
  return best ? best.concept : null;
}

function better(a: Phrase, b: Phrase): boolean {
  if (a.dominant !== b.dominant) return a.dominant;
  if (a.tokens.length !== b.tokens.length) return a.tokens.length > b.tokens.length;
  return a.priority < b.priority;
}

function runsAt(words: readonly string[], phrase: readonly string[], at: number): boolean {
  if (at + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) if (words[at + k] !== phrase[k]) return false;
  return true;
}

/** What a header cell's text says: concept, unit and year together. */
export function readHeader(text: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): HeaderMeaning {
  const trimmed = text.trim();
  const long = trimmed.length > MAX_HEADER_LENGTH;
  const { unit, rest: withoutUnit } = takeUnit(trimmed);
  const foreignUnit = unit ? null : foreignUnitInText(trimmed);
  const year = long ? null : yearInText(withoutUnit);
  const words = tokens(year ? year.rest : withoutUnit);
  return {
    text: trimmed,
    concept: long ? null : conceptOf(words, vocabulary),
    unit,
    foreignUnit,
    year,
    signed: indexOfRun(words, ["growth"]) >= 0,
  };
}

/** A header cell that names something: a concept, a year, or a unit alone. */
export function isHeaderSignal(meaning: HeaderMeaning): boolean {
  return meaning.concept !== null || meaning.year !== null || meaning.unit !== null || meaning.foreignUnit !== null;
}

function phraseList(list: readonly string[]): string[][] {
  return list.map(tokens);
}

const SUBTOTAL_PHRASES = phraseList(SUBTOTAL_LABELS);
/** The first three letters of every total phrase (`tot`, `sub`, `gra`…). */
const TOTAL_STARTS = new Set([...SUBTOTAL_LABELS, ...TOTAL_LABELS].map((p) => startKey(p)));

/** A text's first three letters, lower-cased, as one number: asked of every line of a long table, it allocates nothing. */
function startKey(text: string): number {
  return ((text.charCodeAt(0) | 32) << 16) | ((text.charCodeAt(1) | 32) << 8) | (text.charCodeAt(2) | 32);
}
const TOTAL_PHRASES = phraseList(TOTAL_LABELS);
const NOT_TOTAL_PHRASES = phraseList(NOT_TOTAL_AFTER);
const TARGET_PHRASES = phraseList(TARGET_LABELS);

function startsWith(words: readonly string[], phrase: readonly string[]): boolean {
  return phrase.length <= words.length && indexOfRun(words.slice(0, phrase.length), phrase) === 0;
}

/**
 * A row label that makes its row a total or sub-total: `grand` for a total that says no more
 * (`Total`, `TOTAL`, `Grand total`, `Net total`, `Balanced budget`), which adds up everything
 * above it; `total` for one that names what it adds (`Total savings`, `Total Social care`,
 * `Total (excluding COVID-19 impact)`), which may be a section's; `subtotal` (`Sub-total -
 * Workstreams`); null for a line, including `Total number of carers who were given information…`.
 */
export function totalLabelKind(label: string): "grand" | "total" | "subtotal" | null {
  // Most labels are decided by their first three letters before any are read as words.
  if (!TOTAL_STARTS.has(startKey(label))) return null;
  const words = tokens(label);
  for (const [kind, phrases] of [
    ["subtotal", SUBTOTAL_PHRASES],
    ["total", TOTAL_PHRASES],
  ] as const) {
    for (const phrase of phrases) {
      if (!startsWith(words, phrase)) continue;
      const after = words.slice(phrase.length);
      if (after.length > MAX_TOTAL_LABEL_WORDS || NOT_TOTAL_PHRASES.some((p) => startsWith(after, p))) return null;
      return kind === "total" && after.length === 0 ? "grand" : kind;
    }
  }
  return null;
}

/** A cell labelling a savings target: `Savings target`, `Target:`, `Savings required (£m)`. */
export function isTargetLabel(text: string): boolean {
  if (text.length > MAX_HEADER_LENGTH) return false;
  const words = tokens(takeUnit(text).rest);
  return TARGET_PHRASES.some((p) => p.length === words.length && startsWith(words, p));
}

/** A label reduced to its words, to match the same line or workstream across tables. */
export function labelKey(text: string): string {
  return tokens(text).join(" ");
}
