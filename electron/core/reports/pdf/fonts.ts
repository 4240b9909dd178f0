// Unicode text for pdf-lib. pdf-lib's standard fonts are WinAnsi only, so we embed TrueType subsets:
// DejaVu Sans for Latin/Greek/Cyrillic and Droid Sans Fallback for CJK (it has no Latin glyphs), and
// split every string into runs by which font has the glyph. A character neither font has prints
// as "?" rather than silently as an empty box.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { rgb, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { findFontDir } from './font-dir';

export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
  cjk: Uint8Array;
}

interface Coverage { hasGlyphForCodePoint(cp: number): boolean }

let cachedBytes: FontBytes | undefined;
const coverageCache = new WeakMap<Uint8Array, Coverage>();

/** The fonts shipped with this code (see fonts/PROVENANCE.md and font-dir.ts). Read once per process. */
export function defaultFontBytes(): FontBytes {
  if (cachedBytes) return cachedBytes;
  const dir = findFontDir();
  const at = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  cachedBytes ??= { regular: at('DejaVuSans.ttf'), bold: at('DejaVuSans-Bold.ttf'), cjk: at('DroidSansFallbackFull.ttf') };
  return cachedBytes;
}

interface GlyphSubset { glyf: Uint8Array[]; offset: number; _addGlyph(gid: number): number }
const PATCHED = Symbol('auditdesk.evenGlyphs');

/**
 * @pdf-lib/fontkit 1.1.1's TrueType subsetter copies each glyph's bytes as they are, then writes a
 * short `loca` table (offsets / 2) when the subset is small. Fonts that store glyphs of odd length
 * (Droid Sans Fallback does) then get every later offset wrong, and viewers draw nothing for 山田.
 * Padding each glyph to an even length (zeros after a glyph are ignored) makes the offsets exact.
 */
function padGlyphsToEvenLength(font: { createSubset(): unknown }): void {
  const proto = Object.getPrototypeOf(font.createSubset()) as GlyphSubset & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function (this: GlyphSubset, gid: number): number {
    const index = addGlyph.call(this, gid);
    const last = this.glyf[this.glyf.length - 1]!;
    if (last.length % 2 === 1) {
      // Same Buffer class as fontkit's own (it bundles a polyfill its stream code insists on).
      const padded = (last.constructor as unknown as { alloc(n: number): Uint8Array }).alloc(last.length + 1);
      padded.set(last);
      this.glyf[this.glyf.length - 1] = padded;
      this.offset += 1;
    }
    return index;
  };
  proto[PATCHED] = true;
}

function coverage(bytes: Uint8Array): Coverage {
  let c = coverageCache.get(bytes);
  if (!c) {
    const font = fontkit.create(bytes as Buffer);
    padGlyphsToEvenLength(font as unknown as { createSubset(): unknown });
    c = font as unknown as Coverage;
    coverageCache.set(bytes, c);
  }
  return c;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: Color;
}

interface Run { font: PDFFont; text: string }

interface Glyph { id: number; advanceWidth: number }
interface LayoutFont { layout(text: string): { glyphs: Glyph[] }; glyphForCodePoint(cp: number): Glyph }

/**
 * pdf-lib asks fontkit to lay out (shape) every string twice, to measure it and to encode it, and
 * shaping (GSUB/GPOS lookups) was most of a report's rendering time. pdf-lib only uses the glyphs of
 * a layout, drawn one after the other by their advance widths (no kerning), and our scripts (Latin,
 * Greek, Cyrillic, CJK) need no substitution, so a glyph per code point, cached, draws the same text.
 * Combining marks are drawn as their own (zero-width) glyphs, as without shaping anywhere.
 */
function withoutShaping(font: PDFFont): PDFFont {
  const fontkitFont = (font as unknown as { embedder: { font: LayoutFont } }).embedder.font;
  const glyphs = new Map<number, Glyph>();
  fontkitFont.layout = (text: string) => {
    const out: Glyph[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let g = glyphs.get(cp);
      if (!g) glyphs.set(cp, (g = fontkitFont.glyphForCodePoint(cp)));
      out.push(g);
    }
    return { glyphs: out };
  };
  return font;
}

/** Widths kept per font and size; bounded, since timestamps and ids rarely repeat. */
const WIDTH_CACHE_LIMIT = 50_000;

export class FontSet {
  private constructor(
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly cjk: PDFFont,
    private readonly latinCoverage: Coverage,
    private readonly boldCoverage: Coverage,
    private readonly cjkCoverage: Coverage,
  ) {}

  /**
   * pdf-lib's drawText with a `font` option calls page.setFont, which adds a new randomly named entry
   * to the page's font resources on every call: a table page carried ~12 kB of them, more than its
   * compressed text. So a page's font is set only when it changes (see docs/reports.md, "Performance").
   */
  private readonly fontOf = new WeakMap<PDFPage, PDFFont>();
  /** Text shaping (fontkit's layout) is most of the rendering time; tables repeat tenants, users, operations. */
  private readonly widths = new Map<PDFFont, Map<string, number>>();

  private runWidth(font: PDFFont, text: string, size: number): number {
    let cache = this.widths.get(font);
    if (!cache) this.widths.set(font, (cache = new Map()));
    const key = `${size}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      w = font.widthOfTextAtSize(text, size);
      if (cache.size >= WIDTH_CACHE_LIMIT) cache.clear();
      cache.set(key, w);
    }
    return w;
  }

  static async embed(doc: PDFDocument, bytes: FontBytes = defaultFontBytes()): Promise<FontSet> {
    doc.registerFontkit(fontkit);
    const cov = [coverage(bytes.regular), coverage(bytes.bold), coverage(bytes.cjk)] as const;
    // subset: only the glyphs used are written, which keeps a report tens of kB instead of 5 MB.
    const [regular, bold, cjk] = await Promise.all([
      doc.embedFont(bytes.regular, { subset: true }),
      doc.embedFont(bytes.bold, { subset: true }),
      doc.embedFont(bytes.cjk, { subset: true }),
    ]);
    return new FontSet(withoutShaping(regular), withoutShaping(bold), withoutShaping(cjk), ...cov);
  }

  /** Splits text into runs of one font each. Control characters become spaces. */
  private runs(text: string, bold: boolean): Run[] {
    const primary = bold ? this.bold : this.regular;
    const primaryCov = bold ? this.boldCoverage : this.latinCoverage;
    const out: Run[] = [];
    for (const ch of text.replace(/[\u0000-\u001f\u007f]/g, ' ')) {
      const cp = ch.codePointAt(0)!;
      let font = primary, c = ch;
      if (!primaryCov.hasGlyphForCodePoint(cp)) {
        if (this.cjkCoverage.hasGlyphForCodePoint(cp)) font = this.cjk;
        else c = '?';
      }
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += c;
      else out.push({ font, text: c });
    }
    return out;
  }

  width(text: string, style: TextStyle): number {
    let w = 0;
    for (const r of this.runs(text, style.bold ?? false)) w += this.runWidth(r.font, r.text, style.size);
    return w;
  }

  draw(page: PDFPage, text: string, x: number, y: number, style: TextStyle): void {
    let at = x;
    const runs = this.runs(text, style.bold ?? false);
    runs.forEach((r, i) => {
      if (this.fontOf.get(page) !== r.font) {
        page.setFont(r.font);
        this.fontOf.set(page, r.font);
      }
      page.drawText(r.text, { x: at, y, size: style.size, color: style.color ?? rgb(0, 0, 0) });
      if (i < runs.length - 1) at += this.runWidth(r.font, r.text, style.size);
    });
  }

  /** The text cut to fit `maxWidth`, with an ellipsis when cut. */
  fit(text: string, maxWidth: number, style: TextStyle): string {
    if (this.width(text, style) <= maxWidth) return text;
    const chars = [...text];
    let lo = 0, hi = chars.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.width(chars.slice(0, mid).join('') + '…', style) <= maxWidth) lo = mid; else hi = mid - 1;
    }
    return chars.slice(0, lo).join('') + '…';
  }

  /** Greedy word wrap to lines no wider than `maxWidth` (a word longer than a line is cut). */
  wrap(text: string, maxWidth: number, style: TextStyle): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.width(candidate, style) <= maxWidth) { line = candidate; continue; }
      if (line) lines.push(line);
      line = this.width(word, style) <= maxWidth ? word : this.fit(word, maxWidth, style);
    }
    if (line) lines.push(line);
    return lines;
  }
}
