import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `concord ... | head` closes the pipe early. The real launcher (bin/concord.cjs) must then
// stop quietly: no EPIPE stack trace. The bundle it loads is built once if it is missing
// (a clean checkout runs unit tests before the build).
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'concord.cjs');
let dir = '';

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'main', 'cli.cjs'))) {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')], {
      cwd: root,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`could not build the CLI: ${built.stderr}`);
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-pipe-'));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const env = () => ({ ...process.env, CONCORD_DATA_DIR: path.join(dir, 'appdata') });

/** Runs the CLI with its stdout (or stderr) pipe closed before it writes anything. */
function runWithClosedPipe(
  args: string[],
  closed: 'stdout' | 'stderr',
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The child takes far longer to start than this takes to close our end of the pipe.
    child[closed].destroy();
    let stdout = '';
    let stderr = '';
    const open = closed === 'stdout' ? child.stderr : child.stdout;
    open.on('data', (d: Buffer) => {
      if (closed === 'stdout') stderr += d.toString();
      else stdout += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('concord with a closed output pipe', () => {
  it('exits quietly when stdout is closed (concord --help | head -0)', async () => {
    const r = await runWithClosedPipe(['--help'], 'stdout');
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ code: 0, signal: null });
  });

  it('exits quietly in the middle of a multi-line listing', async () => {
    const project = path.join(dir, 'p.concord');
    const init = spawnSync(process.execPath, [bin, 'init', project, '--name', 'P'], {
      env: env(),
      encoding: 'utf8',
    });
    expect(init.stderr).toBe('');
    const r = await runWithClosedPipe(['instructions', 'show', project], 'stdout');
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ code: 0, signal: null });
  });

  it('keeps the exit code of a failing command when stderr is closed', async () => {
    const r = await runWithClosedPipe(['frobnicate'], 'stderr');
    expect(r.stdout).toBe('');
    expect(r).toMatchObject({ code: 2, signal: null });
  });
});
