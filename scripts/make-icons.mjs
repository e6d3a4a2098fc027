// Renders the app icon (resources/icons/icon.svg) to the PNG electron-builder and the
// window use. Run after editing the SVG: `node scripts/make-icons.mjs`. The PNG is committed
// so packaging needs no extra step.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
await sharp(path.join(dir, 'icon.svg'), { density: 144 })
  .resize(512, 512)
  .png({ compressionLevel: 9 })
  .toFile(path.join(dir, 'icon.png'));
console.log(`wrote ${path.join(dir, 'icon.png')}`);
