import type { CliCommand } from '../cliTypes';
import { assetsCommand } from './assets';
import { importCommand } from './import';
import { initCommand } from './init';
import { serveCommand } from './serve';
import { annotationsExportCommand, annotationsImportCommand } from './annotations';
import { instructionsSetCommand, instructionsShowCommand } from './instructions';
import {
  roundCloseCommand,
  roundCreateCommand,
  roundItemsCommand,
  roundsListCommand,
} from './rounds';
import { agreementCommand } from './agreement';
import { profilesAddCommand, profilesListCommand, profilesSetPinCommand } from './profiles';

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
  roundCreateCommand,
  roundCloseCommand,
  roundItemsCommand,
  roundsListCommand,
  agreementCommand,
  profilesListCommand,
  profilesAddCommand,
  profilesSetPinCommand,
];
