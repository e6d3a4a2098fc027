// `npm start`: the Electron app where its binary is installed; otherwise the same app over
// the loopback transport in a browser (Electron's binary cannot be downloaded everywhere).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

if (
  !fs.existsSync(path.join(root, 'dist/main/cli.cjs')) ||
  !fs.existsSync(path.join(root, 'dist/renderer/index.html'))
) {
  spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
}

function electronBinary() {
  try {
    const pkgDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const bin = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
const extraArgs = process.argv.slice(2);
if (electron && !process.env.CONCORD_NO_ELECTRON) {
  const child = spawn(electron, [root, ...extraArgs], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'Electron binary not installed here; serving Concord in the browser over the loopback transport instead.',
  );
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin/concord.cjs'), 'serve', ...extraArgs],
    {
      stdio: ['inherit', 'pipe', 'inherit'],
    },
  );
  let first = true;
  child.stdout.on('data', (chunk) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (first) {
      first = false;
      const url = text.split('\n')[0].trim();
      openBrowser(url);
    }
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

function openBrowser(url) {
  if (process.env.CONCORD_NO_BROWSER || process.env.CI) return;
  const candidates =
    process.platform === 'darwin'
      ? ['open']
      : process.platform === 'win32'
        ? ['explorer']
        : ['xdg-open', 'chromium', 'google-chrome'];
  for (const cmd of candidates) {
    const which = spawnSync(process.platform === 'win32' ? 'where' : 'which', [cmd]);
    if (
      which.status === 0 &&
      (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
    ) {
      spawn(cmd, [url], { stdio: 'ignore', detached: true }).unref();
      console.log(`Opened ${cmd}. If no window appeared, open the URL above yourself.`);
      return;
    }
  }
  console.log('Open the URL above in a browser.');
}
