import type { CliCommand } from '../cliTypes';
import { assetsCommand } from './assets';
import { importCommand } from './import';
import { initCommand } from './init';
import { serveCommand } from './serve';
import { annotationsExportCommand, annotationsImportCommand } from './annotations';
import { instructionsSetCommand, instructionsShowCommand } from './instructions';

/** Every `concord` command. Add new ones here. */
export const commands: CliCommand[] = [
  initCommand,
  importCommand,
  assetsCommand,
  serveCommand,
  instructionsShowCommand,
  instructionsSetCommand,
  annotationsImportCommand,
  annotationsExportCommand,
];
