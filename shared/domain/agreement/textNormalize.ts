import type { TranscriptRules } from '../../api/schemas/instructionSpec';
import { isNumberWord, numberToWords, parseDigits, parseNumberWords } from './numberWords';

/**
 * Transcript normalization before WER / CER, driven by the project's TranscriptRules.
 * Applied identically to both labelers' texts, in this order:
 *
 * 1. Unicode NFKC; `lowercase` -> lower-case everything.
 * 2. Split on whitespace.
 * 3. `numbers`:
 *    - 'digits': number phrases become digits ("twenty-one" / "twenty one" -> "21",
 *      "1,000" -> "1000");
 *    - 'words': digits become canonical words ("105" -> "one hundred five"), and word
 *      phrases are re-spelled the same way ("one hundred and five" -> "one hundred five");
 *    - 'as-typed': untouched.
 *    Integers 0..999,999,999,999 only; ordinals, decimals and leading-zero codes ("007")
 *    stay as typed. Number words are matched case-insensitively and emitted lower-case. A
 *    phrase never spans punctuation ("twenty, one" is two numbers).
 * 4. `stripPunctuation`: apostrophes are removed ("today's" -> "todays"), every other
 *    punctuation mark or symbol (Unicode P and S) separates words ("well-known" ->
 *    "well known"), except "." and "," between two digits ("3.5" stays one word).
 * 5. `dropFillers`: tokens (or token sequences, for multi-word fillers) equal to a listed
 *    filler are removed, ignoring case and surrounding punctuation. When `dropFillers` is
 *    false the fillers stay and count like any word: the convention is to transcribe them.
 */
export const RAW_TRANSCRIPT_RULES: TranscriptRules = {
  lowercase: false,
  stripPunctuation: false,
  fillers: [],
  dropFillers: false,
  numbers: 'as-typed',
  notes: '',
};

const PUNCT = /[\p{P}\p{S}]/u;
const EDGE = /^([\p{P}\p{S}]*)(.*?)([\p{P}\p{S}]*)$/su;
const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '\u02bc', '`', '\u00b4']);

interface Token {
  pre: string;
  core: string;
  post: string;
}

export function normalizeTranscript(text: string, rules: TranscriptRules): string[] {
  let t = text.normalize('NFKC');
  if (rules.lowercase) t = t.toLowerCase();
  let words = t.split(/\s+/).filter((w) => w.length > 0);
  if (rules.numbers !== 'as-typed') {
    words = canonicalizeNumbers(words.map(splitEdges), rules.numbers).map(
      (tok) => tok.pre + tok.core + tok.post,
    );
  }
  if (rules.stripPunctuation) words = words.flatMap(stripPunctuation);
  if (rules.dropFillers && rules.fillers.length > 0) words = dropFillers(words, rules.fillers);
  return words;
}

function splitEdges(word: string): Token {
  // Fast path: most words have no punctuation at either end.
  if (!PUNCT.test(word[0]!) && !PUNCT.test(word[word.length - 1]!)) {
    return { pre: '', core: word, post: '' };
  }
  const m = EDGE.exec(word);
  return m ? { pre: m[1]!, core: m[2]!, post: m[3]! } : { pre: '', core: word, post: '' };
}

function canonicalizeNumbers(input: Token[], mode: 'digits' | 'words'): Token[] {
  // "twenty-one" -> "twenty" "one" when every part is a number word.
  const tokens: Token[] = [];
  for (const tok of input) {
    const parts = tok.core.split(/[-\u2010\u2011\u2013]/);
    if (parts.length > 1 && parts.every((p) => isNumberWord(p.toLowerCase()))) {
      parts.forEach((p, k) =>
        tokens.push({
          pre: k === 0 ? tok.pre : '',
          core: p,
          post: k === parts.length - 1 ? tok.post : '',
        }),
      );
    } else {
      tokens.push(tok);
    }
  }
  const out: Token[] = [];
  const emit = (pre: string, value: number, post: string) => {
    if (mode === 'digits') {
      out.push({ pre, core: String(value), post });
      return;
    }
    const ws = numberToWords(value);
    ws.forEach((w, k) =>
      out.push({ pre: k === 0 ? pre : '', core: w, post: k === ws.length - 1 ? post : '' }),
    );
  };
  for (let i = 0; i < tokens.length;) {
    const tok = tokens[i]!;
    const digits = parseDigits(tok.core);
    if (digits !== null) {
      emit(tok.pre, digits, tok.post);
      i++;
      continue;
    }
    if (!isNumberWord(tok.core.toLowerCase())) {
      out.push(tok);
      i++;
      continue;
    }
    // The run of words a phrase may span: no punctuation between them (capped; phrases are short).
    const words: string[] = [];
    for (let k = i; k < tokens.length && words.length < 24; k++) {
      if (k > i && (tokens[k - 1]!.post !== '' || tokens[k]!.pre !== '')) break;
      const w = tokens[k]!.core.toLowerCase();
      if (k > i && w !== 'and' && !isNumberWord(w)) break;
      words.push(w);
    }
    const parsed = parseNumberWords(words, 0);
    if (parsed) {
      emit(tok.pre, parsed.value, tokens[i + parsed.end - 1]!.post);
      i += parsed.end;
    } else {
      out.push(tok);
      i++;
    }
  }
  return out;
}

function stripPunctuation(word: string): string[] {
  if (!PUNCT.test(word)) return [word];
  const chars = Array.from(word);
  let s = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!PUNCT.test(c)) s += c;
    else if (APOSTROPHES.has(c)) continue;
    else if ((c === '.' || c === ',') && isDigit(chars[i - 1]) && isDigit(chars[i + 1])) s += c;
    else s += ' ';
  }
  return s.split(' ').filter((w) => w.length > 0);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function dropFillers(words: string[], fillers: readonly string[]): string[] {
  const key = (w: string) => splitEdges(w.normalize('NFKC').toLowerCase()).core;
  const phrases = fillers
    .map((f) =>
      f
        .split(/\s+/)
        .map(key)
        .filter((w) => w.length > 0),
    )
    .filter((p) => p.length > 0)
    .sort((x, y) => y.length - x.length); // longest first: "you know" before "you"
  const keys = words.map(key);
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const hit = phrases.find((p) => p.every((w, k) => keys[i + k] === w));
    if (hit) {
      i += hit.length;
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  return out;
}
