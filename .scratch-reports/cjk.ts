import { writeFileSync, readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
for (const subset of [true, false]) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const f = await doc.embedFont(readFileSync('/work/main/electron/core/reports/fonts/DroidSansFallbackFull.ttf'), { subset });
  const p = doc.addPage([300, 100]);
  p.drawText('山田太郎 監査', { x: 10, y: 50, size: 24, font: f });
  writeFileSync(`/tmp/reports/cjk-${subset}.pdf`, await doc.save());
}
const fk = fontkit.create(readFileSync('/work/main/electron/core/reports/fonts/DroidSansFallbackFull.ttf'));
const g = fk.glyphForCodePoint('山'.codePointAt(0)!);
console.log(g.id, (g as any).constructor.name, Object.keys(fk as any).slice(0,5), (fk as any).directory.tables && Object.keys((fk as any).directory.tables));
