/** Converting one exceljs cell value to the plain text a person sees (dates as ISO 8601). */

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Excel dates are wall-clock times without a zone; exceljs hands them over as UTC Dates, so the UTC
 * fields are the wall clock. Midnight gives a date; the 1899-12-30 epoch day gives a time.
 */
export function formatExcelDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const r = new Date(Math.round(d.getTime() / 1000) * 1000); // exceljs floats land on x.999 s
  const date = `${pad(r.getUTCFullYear(), 4)}-${pad(r.getUTCMonth() + 1)}-${pad(r.getUTCDate())}`;
  const h = r.getUTCHours();
  const m = r.getUTCMinutes();
  const s = r.getUTCSeconds();
  if (date === '1899-12-30') return s ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(h)}:${pad(m)}`;
  if (h === 0 && m === 0 && s === 0) return date;
  return `${date}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** Numbers without exponent or float noise: IDs and phone numbers stay as typed. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  // Excel keeps 15 significant digits; anything beyond is binary noise (0.1 + 0.2).
  return String(Number(n.toPrecision(15)));
}

/**
 * True for number formats that show a date or time (quoted text, [colours] and escapes ignored).
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyh]/i.test(bare) && !/^general$/i.test(bare.trim());
}

const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Converts an Excel date serial number to a Date whose UTC fields are the wall clock. */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date((date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900) + Math.round(serial * 86400000));
}

export interface CellContext {
  numFmt?: string;
  date1904?: boolean;
  /** Called for a formula with no saved result. */
  onMissingResult?: () => void;
}

type Obj = Record<string, unknown>;

function richText(v: unknown): string | undefined {
  if (v && typeof v === 'object' && Array.isArray((v as Obj).richText)) {
    return ((v as Obj).richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  }
  return undefined;
}

/** Plain text of an exceljs cell value; error values (#N/A) give "". */
export function cellText(v: unknown, ctx: CellContext = {}): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number')
    return isDateFormat(ctx.numFmt)
      ? formatExcelDate(serialToDate(v, ctx.date1904))
      : formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return formatExcelDate(v);
  if (typeof v !== 'object') return String(v);
  const o = v as Obj;
  const rich = richText(o);
  if (rich !== undefined) return rich;
  if ('error' in o) return '';
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) {
      ctx.onMissingResult?.();
      return '';
    }
    return cellText(o.result, ctx);
  }
  if ('hyperlink' in o || 'text' in o) {
    const text = typeof o.text === 'string' ? o.text : richText(o.text);
    if (text) return text;
    return String(o.hyperlink ?? '').replace(/^mailto:/i, '');
  }
  return '';
}
