// Parses PDFs back with pdfjs-dist in a plain Node process (jest's CommonJS transform cannot load
// pdfjs's ES modules). Reads file paths from argv, prints one JSON array: per PDF its page count,
// each page's text (items joined by spaces, lines by newlines), page sizes and the document info.
// Text is taken as the PDF maps it, without pdfjs's Unicode normalization (which would fold µ into
// μ, ligatures into letters and the like, and so hide what the PDF really says).
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const results = [];
for (const path of process.argv.slice(2)) {
  const data = new Uint8Array(await readFile(path));
  const document = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent({ disableNormalization: true });
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : ' ');
    }
    const [, , width, height] = page.view;
    const operators = await page.getOperatorList();
    pages.push({ text, width, height, operatorCount: operators.fnArray.length });
  }
  const { info } = await document.getMetadata();
  results.push({ numPages: document.numPages, pages, info });
  await document.destroy();
}
process.stdout.write(JSON.stringify(results));
