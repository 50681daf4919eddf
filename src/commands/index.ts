/** Registers every command on the program. */

import type { Command } from 'commander';
import { registerInit } from './init.js';
import { registerImport } from './import.js';
import { registerParticipants } from './participants.js';
import { registerExport } from './export.js';
import { registerDemo } from './demo.js';

export function registerCommands(program: Command): void {
  registerInit(program);
  registerImport(program);
  registerParticipants(program);
  registerExport(program);
  registerDemo(program);
}
