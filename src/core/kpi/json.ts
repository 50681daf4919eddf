/**
 * The documented JSON of `report --format json` and `status --json`: KPIs, waves, at-risk pairs,
 * breakdowns.
 */

import type { KpiReport } from './types.js';

/** A plain, stable JSON document of the report (camelCase, ISO dates, no internal objects). */
export function reportToJson(report: KpiReport) {
  return {
    program: report.program,
    generatedAt: report.generatedAt,
    currentWave: report.currentWave ?? null,
    kpis: report.kpis.map((k) => ({
      id: k.id,
      section: k.section,
      label: k.label,
      value: k.value,
      format: k.format,
      target: k.target ?? null,
      met: k.met ?? null,
    })),
    waves: report.waves,
    atRiskPairs: report.atRisk.map((h) => ({
      pair: h.match.id,
      mentee: h.match.mentee,
      mentor: h.match.mentor,
      scheduledToDate: h.scheduledToDate,
      meetingsHeld: h.meetingsHeld ?? null,
      scheduledWhenReported: h.scheduledAtReport ?? null,
      reportedAt: h.heldReportedAt ?? null,
      reportedInWave: h.heldWave ?? null,
      reasons: h.reasons.map((r) => ({ code: r.code, text: r.text })),
    })),
    atRiskByReason: report.atRiskByReason,
    unknownResponses: report.unknownResponses.map((r) => ({
      wave: r.wave,
      email: r.email,
      file: r.source.file,
      row: r.source.row,
    })),
    breakdowns: report.breakdowns,
    surveyItems: report.surveyItems,
    cohorts: report.cohorts ?? null,
    outcomes: report.outcomes ?? null,
    growth: report.growth ?? null,
    warnings: report.warnings,
  };
}
