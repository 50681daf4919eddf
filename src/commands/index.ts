/** Registers every command on the program. */

import type { Command } from 'commander';
import { registerInit } from './init.js';
import { registerImport } from './import.js';
import { registerParticipants } from './participants.js';
import { registerExport } from './export.js';
import { registerDemo } from './demo.js';
import { registerMatch } from './match.js';
import { registerUnmatch } from './unmatch.js';
import { registerExportMatches } from './export-matches.js';
import { registerSurvey } from './survey.js';
import { registerStatus } from './status.js';
import { registerReport } from './report.js';
import { registerSchedule } from './schedule.js';
import { registerIntro } from './intro.js';

export function registerCommands(program: Command): void {
  registerInit(program);
  registerImport(program);
  registerParticipants(program);
  registerExportMatches(registerExport(program));
  registerMatch(program);
  registerUnmatch(program);
  registerDemo(program);
  registerSurvey(program);
  registerStatus(program);
  registerReport(program);
  registerSchedule(program);
  registerIntro(program);
}
