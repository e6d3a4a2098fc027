// Renders the app icon (resources/icons/icon.svg) to the PNG electron-builder and the
// window use, and to the renderer's favicons (renderer/public: favicon.svg for browsers
// that follow the <link>, favicon.ico for those that ask for /favicon.ico regardless).
// Run after editing the SVG: `node scripts/make-icons.mjs`. The outputs are committed so
// packaging needs no extra step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'resources', 'icons');
const svg = path.join(dir, 'icon.svg');
await sharp(svg, { density: 144 })
  .resize(512, 512)
  .png({ compressionLevel: 9 })
  .toFile(path.join(dir, 'icon.png'));
console.log(`wrote ${path.join(dir, 'icon.png')}`);

const pub = path.join(root, 'renderer', 'public');
fs.mkdirSync(pub, { recursive: true });
fs.copyFileSync(svg, path.join(pub, 'favicon.svg'));

/** An .ico holding PNG images (the format every current browser and OS reads). */
async function writeIco(file, sizes) {
  const pngs = await Promise.all(
    sizes.map((s) =>
      sharp(svg, { density: 72 }).resize(s, s).png({ compressionLevel: 9 }).toBuffer(),
    ),
  );
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((s, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(s >= 256 ? 0 : s, e); // width (0 means 256)
    header.writeUInt8(s >= 256 ? 0 : s, e + 1); // height
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(pngs[i].length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += pngs[i].length;
  });
  fs.writeFileSync(file, Buffer.concat([header, ...pngs]));
}
await writeIco(path.join(pub, 'favicon.ico'), [16, 32, 48]);
console.log(`wrote ${path.join(pub, 'favicon.svg')} and favicon.ico`);
