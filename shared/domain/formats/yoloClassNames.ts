import type { InterchangeProblem } from './interchange';
import { stripBom } from './interchange';

/**
 * Class names for YOLO label files, from Ultralytics' `data.yaml` (`names:` as a list or as an
 * index -> name map, block or flow style) or a `classes.txt` (one name per line, line 1 is
 * class 0). Only the `names` and `nc` keys matter, so this reads just those rather than
 * pulling in a YAML library.
 */
export interface YoloClassNames {
  names: Map<number, string>;
  problems: InterchangeProblem[];
}

/** Drops a trailing `# comment` that is outside quotes. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'"))
    return v.slice(1, -1).replace(/''/g, "'");
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  return v;
}

/** Splits `a, 'b, c', d` on top-level commas. */
function splitFlow(body: string): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let current = '';
  for (const c of body) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** `0: scratch` -> [0, 'scratch']; null when the entry is not an index mapping. */
function splitPair(entry: string): [number, string] | null {
  const m = /^\s*['"]?(\d+)['"]?\s*:\s*(.*)$/.exec(entry);
  return m ? [Number(m[1]), unquote(m[2]!)] : null;
}

export function parseDataYaml(text: string, source = 'data.yaml'): YoloClassNames {
  const names = new Map<number, string>();
  const problems: InterchangeProblem[] = [];
  const lines = stripBom(text).split(/\r?\n/);
  const start = lines.findIndex((l) => /^names\s*:/.test(l));
  if (start < 0) {
    problems.push({ where: source, message: 'has no top-level "names:" list of class names' });
    return { names, problems };
  }
  const head = stripComment(lines[start]!.replace(/^names\s*:/, '')).trim();
  const entries: string[] = [];
  let isMap = false;
  if (head.startsWith('[') || head.startsWith('{')) {
    // Flow style may wrap over several lines: gather until the bracket closes.
    let body = head;
    const close = head.startsWith('[') ? ']' : '}';
    for (let i = start + 1; !body.trimEnd().endsWith(close) && i < lines.length; i++)
      body += ` ${stripComment(lines[i]!).trim()}`;
    if (!body.trimEnd().endsWith(close)) {
      problems.push({
        where: `${source}:${start + 1}`,
        message: `"names:" is missing its closing ${close}`,
      });
      return { names, problems };
    }
    isMap = close === '}';
    entries.push(...splitFlow(body.trim().slice(1, -1)));
  } else if (head === '') {
    for (let i = start + 1; i < lines.length; i++) {
      const line = stripComment(lines[i]!);
      if (line.trim() === '') continue;
      // A block sequence may sit at the key's own indentation ("names:\n- a"); a map may not.
      if (!/^\s/.test(line) && !line.startsWith('-')) break;
      const t = line.trim();
      if (t.startsWith('- ') || t === '-') entries.push(t.slice(1).trim());
      else {
        isMap = true;
        entries.push(t);
      }
    }
  } else {
    problems.push({
      where: `${source}:${start + 1}`,
      message: '"names:" must be a list or a map of class names',
    });
    return { names, problems };
  }
  entries.forEach((entry, i) => {
    if (isMap) {
      const pair = splitPair(entry);
      if (!pair)
        problems.push({ where: `${source} names`, message: `"${entry}" is not "index: name"` });
      else if (names.has(pair[0]))
        problems.push({
          where: `${source} names`,
          message: `class index ${pair[0]} is given twice`,
        });
      else if (pair[1] === '')
        problems.push({ where: `${source} names`, message: `class ${pair[0]} has no name` });
      else names.set(pair[0], pair[1]);
    } else {
      const name = unquote(entry);
      if (name === '')
        problems.push({ where: `${source} names`, message: `class ${i} has no name` });
      else names.set(i, name);
    }
  });
  const nc = lines.map((l) => /^nc\s*:\s*(\d+)/.exec(stripComment(l))).find((m) => m);
  if (nc && Number(nc[1]) !== names.size) {
    problems.push({
      where: source,
      message: `nc is ${nc[1]} but "names:" lists ${names.size} classes`,
    });
  }
  if (names.size === 0 && problems.length === 0) {
    problems.push({ where: source, message: '"names:" is empty' });
  }
  return { names, problems };
}

export function parseClassesTxt(text: string, source = 'classes.txt'): YoloClassNames {
  const names = new Map<number, string>();
  const problems: InterchangeProblem[] = [];
  const lines = stripBom(text).split(/\r?\n/);
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  lines.forEach((line, i) => {
    const name = line.trim();
    // A blank line in the middle would shift every later class index: refuse to guess.
    if (name === '')
      problems.push({
        where: `${source}:${i + 1}`,
        message: `line is empty (it would be class ${i})`,
      });
    else names.set(i, name);
  });
  if (lines.length === 0) problems.push({ where: source, message: 'is empty' });
  return { names, problems };
}

const PLAIN_YAML = /^[A-Za-z_][A-Za-z0-9_ ./()-]*$/;
const YAML_WORDS = /^(true|false|yes|no|on|off|null|~)$/i;

/** Ultralytics data.yaml with `names:` as an index map (paths are left to the user). */
export function writeDataYaml(classes: string[]): string {
  const quote = (n: string) =>
    PLAIN_YAML.test(n) && !YAML_WORDS.test(n) && n.trim() === n ? n : JSON.stringify(n);
  const lines = [
    '# Class names for YOLO labels, written by Concord',
    `nc: ${classes.length}`,
    'names:',
  ];
  classes.forEach((name, i) => lines.push(`  ${i}: ${quote(name)}`));
  return `${lines.join('\n')}\n`;
}

export function writeClassesTxt(classes: string[]): string {
  return classes.length ? `${classes.join('\n')}\n` : '';
}
