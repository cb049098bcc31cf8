// Page-wide checks every console page must pass: nothing wider than the viewport, and axe-core finding no
// serious or critical WCAG 2.1 A/AA violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Null when the document is no wider than the viewport; otherwise the elements that make it wider: those whose
 * right edge passes the viewport while their parent's does not, outside any box that scrolls or clips them.
 */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] } | null> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= innerWidth) return null;
    const passes = (el: Element) => el.getBoundingClientRect().right > innerWidth + 0.5;
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible' && !passes(a)) return true;
      }
      return false;
    };
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const classes = [...el.classList].map((c) => `.${c}`).join('');
      const testId = el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${classes}${testId} right=${Math.round(el.getBoundingClientRect().right)} "${text}"`;
    };
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => passes(el) && !(el.parentElement && passes(el.parentElement) && el.parentElement !== document.body))
      .filter((el) => !clipped(el))
      .slice(0, 10)
      .map(describe);
    return { scrollWidth, innerWidth, culprits };
  });
}

export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}
