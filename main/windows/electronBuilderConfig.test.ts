// electron-builder cannot package here (it downloads Electron), but its configuration
// schema and our own invariants can be checked offline with its own validator.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { external } from '../../scripts/build-main.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface BuilderConfig {
  asarUnpack?: string[];
  files?: string[];
  linux?: { target?: string[]; icon?: string };
  win?: { target?: string[] };
  mac?: { target?: string[] };
  productName?: string;
  appId?: string;
}
interface ConfigModule {
  getConfig(
    projectDir: string,
    configPath: string | null,
    fromOptions: null,
  ): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
}

// app-builder-lib is electron-builder's engine; load it the way electron-builder does.
const requireFromBuilder = createRequire(
  createRequire(import.meta.url).resolve('electron-builder'),
);
const configModule = requireFromBuilder('app-builder-lib/out/util/config/config') as ConfigModule;
const { DebugLogger } = requireFromBuilder('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

async function loadConfig(): Promise<BuilderConfig> {
  return configModule.getConfig(root, path.join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await loadConfig();
    await expect(
      configModule.validateConfiguration(config, new DebugLogger(false)),
    ).resolves.toBeUndefined();
    expect(config.productName).toBe('Concord');
  });

  it('targets AppImage + deb, nsis and dmg', async () => {
    const config = await loadConfig();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('unpacks every native module the main bundle leaves external, and the workers', async () => {
    const unpacked = (await loadConfig()).asarUnpack ?? [];
    // Externals that are not installed (optional codecs never loaded) need nothing.
    const installed = external.filter(
      (m) => m !== 'electron' && fs.existsSync(path.join(root, 'node_modules', m, 'package.json')),
    );
    expect(installed).toEqual(
      expect.arrayContaining(['better-sqlite3', 'onnxruntime-node', 'sharp']),
    );
    for (const mod of installed) {
      expect(unpacked, mod).toContain(`node_modules/${mod}/**/*`);
    }
    expect(unpacked).toContain('node_modules/@img/**/*');
    expect(unpacked).toContain('dist/main/workers/**/*');
  });

  it('has a 512x512 icon', async () => {
    const meta = await sharp(path.join(root, 'resources', 'icons', 'icon.png')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 512, 512]);
  });
});
