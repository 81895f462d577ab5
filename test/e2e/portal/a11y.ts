import type { Page } from 'playwright-core';

/**
 * WCAG 2.1 AA properties checked in the page itself (no accessibility library is installed):
 * what each check finds wrong is returned as a list, so a failure names the element.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // The root tsconfig has no DOM library: the page's objects are reached from the body element.
  return page.locator('body').evaluate((body) => {
    type El = typeof body;
    const doc = body.ownerDocument;
    const win = doc.defaultView;
    const problems: string[] = [];
    const describe = (element: El) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    const visible = (element: El) => {
      const box = element.getBoundingClientRect();
      const style = win.getComputedStyle(element);
      return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.display !== 'none';
    };

    // 3.1.1 language of the page; 1.3.1 / 2.4.1 landmarks.
    if (!doc.documentElement.lang) problems.push('html has no lang');
    if (doc.querySelectorAll('main').length !== 1) problems.push('not exactly one main landmark');
    if (!doc.querySelector('body > * header, body header')) problems.push('no header (banner)');
    if (!doc.querySelector('footer')) problems.push('no footer (contentinfo)');
    for (const nav of doc.querySelectorAll('nav')) {
      if (!nav.getAttribute('aria-label')) problems.push(`${describe(nav)} has no accessible name`);
    }
    if (doc.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');

    // 4.1.1 unique ids; 1.3.1 / 3.3.2 every control labelled; described-by targets exist.
    const ids = [...doc.querySelectorAll('[id]')].map((element) => element.id);
    for (const id of new Set(ids)) {
      if (ids.filter((candidate) => candidate === id).length > 1) problems.push(`duplicate id ${id}`);
    }
    for (const control of doc.querySelectorAll('input, select, textarea')) {
      if (control.type === 'hidden') continue;
      if (!control.labels?.length && !control.getAttribute('aria-label'))
        problems.push(`${describe(control)} has no label`);
      for (const id of (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)) {
        if (!doc.getElementById(id)) problems.push(`${describe(control)} described by missing #${id}`);
      }
    }
    for (const link of doc.querySelectorAll('a, button')) {
      if (visible(link) && !(link.textContent ?? '').trim() && !link.getAttribute('aria-label')) {
        problems.push(`${describe(link)} has no text`);
      }
    }

    // 1.4.3 contrast of every visible text against its effective background.
    const rgb = (value: string): number[] => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element: El): number[] => {
      for (let current = element; current; current = current.parentElement) {
        const colour = rgb(win.getComputedStyle(current).backgroundColor);
        if (colour.length === 3 || (colour[3] ?? 0) > 0) return colour.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const walker = doc.createTreeWalker(doc.body, win.NodeFilter.SHOW_TEXT);
    const checked = new Set<El>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || checked.has(element) || !(node.textContent ?? '').trim() || !visible(element)) continue;
      checked.add(element);
      const style = win.getComputedStyle(element);
      const fg = luminance(rgb(style.color));
      const bg = luminance(background(element));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) problems.push(`${describe(element)} contrast ${ratio.toFixed(2)}:1`);
    }
    return problems;
  });
}

/** Presses Tab until `selector` has focus (keyboard only), failing if it is not reached. */
export async function tabTo(page: Page, selector: string, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(':focus').evaluate((element, s) => element.matches(s), selector)) return;
  }
  throw new Error(`${selector} not reached with ${maxPresses} Tab presses`);
}

/** The focused element's outline: visible focus (2.4.7) means a solid outline at least 2 px wide. */
export async function focusOutline(page: Page): Promise<{ style: string; width: number }> {
  return page.locator(':focus').evaluate((element) => {
    const style = element.ownerDocument.defaultView.getComputedStyle(element);
    return { style: String(style.outlineStyle), width: Number.parseFloat(style.outlineWidth) };
  });
}
