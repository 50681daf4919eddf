/**
 * Adds what exceljs's streaming writer cannot write to a finished workbook: pictures (the
 * report's charts) and print titles (header rows repeated on every printed page). exceljs only
 * embeds images in its in-memory Workbook, which takes several times longer and far more memory
 * for a 10,000-person report (see io/outputs/report/workbook.ts); the streamed file is opened
 * with JSZip, which keeps every unchanged part's compressed bytes, and only the few small parts
 * named below are rewritten.
 */

import { readFile, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';

/** A PNG placed on a sheet with its top-left corner at a cell (0-based), at its pixel size. */
export interface SheetPicture {
  /** 1-based sheet number, as exceljs numbers sheet files (sheet1.xml is the first sheet). */
  sheet: number;
  png: Uint8Array;
  col: number;
  row: number;
  width: number;
  height: number;
  /** Alternative text, read by screen readers in Excel. */
  description: string;
}

/** Header rows printed at the top of every page of a sheet ("1:2" repeats rows 1 and 2). */
export interface PrintTitles {
  sheet: number;
  sheetName: string;
  rows: string;
}

const EMU_PER_PIXEL = 9525;
const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_IMAGE = `${NS_R}/image`;
const REL_DRAWING = `${NS_R}/drawing`;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

const xmlAttr = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function anchor(p: SheetPicture, index: number): string {
  const cx = Math.round(p.width * EMU_PER_PIXEL);
  const cy = Math.round(p.height * EMU_PER_PIXEL);
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr>` +
    `<xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}" descr="${xmlAttr(p.description)}"/>` +
    '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
    `<xdr:blipFill><a:blip xmlns:r="${NS_R}" r:embed="rId${index + 1}"/>` +
    '<a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/>' +
    '</xdr:oneCellAnchor>'
  );
}

/** Elements that must follow <drawing> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

function insertBeforeFirst(xml: string, markers: readonly string[], text: string): string {
  const at = Math.min(...markers.map((m) => xml.indexOf(m)).filter((i) => i >= 0));
  return `${xml.slice(0, at)}${text}${xml.slice(at)}`;
}

async function addPictures(zip: JSZip, sheet: number, pictures: SheetPicture[]): Promise<void> {
  const n = sheet; // one drawing per sheet, numbered like the sheet
  const rels: string[] = [];
  pictures.forEach((p, i) => {
    // exceljs reads back only media names of letters and digits.
    const media = `sheet${n}chart${i + 1}.png`;
    zip.file(`xl/media/${media}`, p.png);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_IMAGE}" Target="../media/${media}"/>`);
  });
  zip.file(
    `xl/drawings/drawing${n}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_DRAWING}" ` +
      `xmlns:a="${NS_A}">${pictures.map(anchor).join('')}</xdr:wsDr>`,
  );
  zip.file(
    `xl/drawings/_rels/drawing${n}.xml.rels`,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  const sheetPath = `xl/worksheets/sheet${sheet}.xml`;
  const relsPath = `xl/worksheets/_rels/sheet${sheet}.xml.rels`;
  const rel = `<Relationship Id="rIdDrawing1" Type="${REL_DRAWING}" Target="../drawings/drawing${n}.xml"/>`;
  const existing = await zip.file(relsPath)?.async('string');
  zip.file(
    relsPath,
    existing
      ? existing.replace('</Relationships>', `${rel}</Relationships>`)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
  );
  const xml = await zip.file(sheetPath)!.async('string');
  zip.file(sheetPath, insertBeforeFirst(xml, AFTER_DRAWING, '<drawing r:id="rIdDrawing1"/>'));
  const typesPath = '[Content_Types].xml';
  let types = await zip.file(typesPath)!.async('string');
  if (!types.includes('Extension="png"'))
    types = types.replace(
      '<Default Extension="xml"',
      '<Default Extension="png" ContentType="image/png"/><Default Extension="xml"',
    );
  types = types.replace(
    '</Types>',
    `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="${CT_DRAWING}"/></Types>`,
  );
  zip.file(typesPath, types);
}

async function addPrintTitles(zip: JSZip, titles: readonly PrintTitles[]): Promise<void> {
  if (!titles.length) return;
  const path = 'xl/workbook.xml';
  let xml = await zip.file(path)!.async('string');
  const names = titles
    .map((t) => {
      const [from, to] = t.rows.split(':');
      const sheet = `'${t.sheetName.replace(/'/g, "''")}'`;
      return (
        `<definedName name="_xlnm.Print_Titles" localSheetId="${t.sheet - 1}">` +
        `${xmlAttr(sheet)}!$${from}:$${to}</definedName>`
      );
    })
    .join('');
  xml = xml.includes('</definedNames>')
    ? xml.replace('</definedNames>', `${names}</definedNames>`)
    : xml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
  zip.file(path, xml);
}

/** Adds the pictures and print titles to the workbook at `path`, in place. */
export async function embedInWorkbook(
  path: string,
  pictures: readonly SheetPicture[],
  titles: readonly PrintTitles[],
): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const bySheet = new Map<number, SheetPicture[]>();
  for (const p of pictures) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
  for (const [sheet, list] of bySheet) await addPictures(zip, sheet, list);
  await addPrintTitles(zip, titles);
  const out = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  await writeFile(path, out);
}
