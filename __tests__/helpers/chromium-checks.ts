import type { Page } from 'playwright-core';

/**
 * Checks a person would make by looking, made in the browser on the rendered page: text contrast
 * (WCAG 2 AA), horizontal scrolling at a width, the colours in use. Computed styles, not CSS text,
 * so the check follows whatever the page's CSS resolves to in the current colour scheme.
 */

export interface ContrastProblem {
  text: string;
  ratio: number;
  required: number;
}

/** Every visible run of text whose contrast with its background is below AA (4.5, large 3). */
export function contrastProblems(page: Page): Promise<ContrastProblem[]> {
  return page.evaluate(() => {
    const parse = (value: string): number[] | undefined => {
      const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
      return match
        ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])]
        : undefined;
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const backgroundOf = (element: Element | null): number[] => {
      for (let node = element; node; node = node.parentElement) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color && color[3]! > 0) return color;
      }
      return [255, 255, 255, 1]; // the canvas
    };
    const problems: Array<{ text: string; ratio: number; required: number }> = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const ownText = Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      const style = getComputedStyle(element);
      if (!ownText || style.visibility === 'hidden' || style.display === 'none') continue;
      const foreground = parse(style.color);
      const background = backgroundOf(element);
      if (!foreground) {
        problems.push({ text: `${ownText} (unreadable colour ${style.color})`, ratio: 0, required: 4.5 });
        continue;
      }
      const [lighter, darker] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
      const ratio = (lighter! + 0.05) / (darker! + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const required = large ? 3 : 4.5;
      if (ratio < required)
        problems.push({ text: ownText.slice(0, 60), ratio: Math.round(ratio * 100) / 100, required });
    }
    return problems;
  });
}

/** How many CSS pixels the page is wider than the viewport (0: no sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The body's computed background colour, e.g. "rgb(244, 245, 247)". */
export function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** The document's lang attribute ('' when missing). */
export function documentLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}
