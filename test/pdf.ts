/**
 * A printed page as a reader sees it, through Debian's poppler-utils (installed by .ci/run):
 * `pdftotext -bbox` gives every word with its page and position (more robust than comparing
 * pixels), `pdftoppm` renders a page to PNG.
 */
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every word of the PDF, in reading order, with its page (from 1) and box in points from the top left. */
export function pdfWords(file: string): PdfWord[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const words: PdfWord[] = [];
  const pages = xhtml.split(/<page /).slice(1);
  pages.forEach((page, index) => {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
    for (const match of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({
        page: index + 1,
        text: decode(match[5]!),
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        pageWidth: Number(size[1]),
        pageHeight: Number(size[2]),
      });
    }
  });
  return words;
}

/** Renders page `page` of the PDF to `${prefix}.png` at 60 dpi and returns that path. */
export function renderPdfPage(file: string, page: number, prefix: string): string {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}
