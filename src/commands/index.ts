/** Registers every command on the program. */

import type { Command } from 'commander';
import { registerInit } from './init.js';

export function registerCommands(program: Command): void {
  registerInit(program);
}
