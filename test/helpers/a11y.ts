/**
 * The accessibility audit's helpers (`test/elements/a11y*.test.ts`): axe through chai-a11y-axe, in each theme
 * and UI language asked for, with the violations of every state collected and reported at once.
 */
import './readable-failures.js';
import { expect } from '@open-wc/testing';
import { loadCatalog } from '../../src/i18n/index.js';
import { deepQueryAll, until, type Kit } from './kit.js';
import { frames } from './chat.js';

/**
 * Waits until no CSS transition runs in the page or any shadow root (a theme switch or a fade would be read
 * half-way by axe). `document.getAnimations()` does not see into shadow roots, so each root is asked.
 */
export async function settled(): Promise<void> {
  await frames(2);
  await until(() => !runningTransitions(), 'transitions to end');
}

/** Every document and shadow root of the page. */
export const allRoots = (): Array<Document | ShadowRoot> => [document, ...deepQueryAll(document.body, '*').flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];

const runningTransitions = () => allRoots().some((r) => r.getAnimations().some((a) => a instanceof CSSTransition && a.playState === 'running'));

/** The violations found so far in a test: each violation block (rule, impact, targets) with the states it showed in. */
export type Found = Map<string, string[]>;

export type Theme = 'light' | 'dark';
export type Locale = 'en' | 'zh' | 'ko';

export interface AuditOptions {
  themes?: readonly Theme[];
  /** UI languages to check in (default English only); the provider goes back to English afterwards. */
  locales?: readonly Locale[];
}

/** Switches the kit's provider to `locale`, with its words loaded and the elements drawn in it. */
export async function useLocale(kit: Kit, locale: Locale): Promise<void> {
  await loadCatalog(locale);
  if (kit.provider.locale === locale) return;
  kit.provider.locale = locale;
  await kit.provider.updateComplete;
  await frames(2);
}

/**
 * Checks the kit's element with axe in the light and the dark theme (the provider's `theme`), in each locale
 * asked for, and the contrast of its badges, and records the violations under `state`. The provider is left in
 * the light theme and English.
 */
export async function audit(kit: Kit, state: string, found: Found, options: AuditOptions = {}): Promise<void> {
  const el = kit.el;
  for (const locale of options.locales ?? ['en']) {
    if (locale !== 'en' || kit.provider.locale !== 'en') await useLocale(kit, locale);
    for (const theme of options.themes ?? (['light', 'dark'] as const)) {
      kit.provider.theme = theme;
      await kit.provider.updateComplete;
      await settled();
      const where = `${state} (${theme}${locale === 'en' ? '' : `, ${locale}`})`;
      try {
        // No rule is ignored: each violation found was real, and fixed.
        await expect(el).to.be.accessible();
      } catch (e) {
        // chai-a11y-axe's message: a heading, then one block per rule between '---' lines.
        for (const block of (e as Error).message.split('\n---\n').filter((b) => b.startsWith('Rule:'))) {
          found.set(block, [...(found.get(block) ?? []), where]);
        }
      }
      for (const line of badgeContrast(el.shadowRoot ?? el)) found.set(line, [...(found.get(line) ?? []), where]);
    }
  }
  if (kit.provider.locale !== 'en') await useLocale(kit, 'en');
  kit.provider.theme = 'light';
  await kit.provider.updateComplete;
  await settled();
}

/** A colour as [r, g, b, alpha] from its computed `rgb()` / `rgba()` form. */
export const rgba = (c: string) => {
  const [r = 0, g = 0, b = 0, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, a] as const;
};
export const luminance = ([r, g, b]: readonly number[]) =>
  [r!, g!, b!].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
/** The WCAG contrast ratio of two computed colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgba(a)), luminance(rgba(b))];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * axe leaves text of one character undecided ("too short to determine if it is actual text"), which is what
 * unread badges mostly hold: each badge with text and a background of its own is checked here, 4.5:1.
 */
export function badgeContrast(root: ParentNode): string[] {
  return deepQueryAll<HTMLElement>(root, '[part~="badge"]').flatMap((badge) => {
    const style = getComputedStyle(badge);
    const shown = (badge.querySelector('[aria-hidden="true"]') ?? badge).textContent!.trim();
    if (!shown || rgba(style.backgroundColor)[3] < 1) return [];
    const ratio = contrast(style.color, style.backgroundColor);
    return ratio < 4.5 ? [`badge "${shown}": contrast ${ratio.toFixed(2)} (${style.color} on ${style.backgroundColor}), expected 4.5:1`] : [];
  });
}

/** The element that has the focus, inside shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** axe does not look at focus: the focused element must draw a ring (the kit's is a 2px outline). */
export function focusRing(): string[] {
  const a = deepActive();
  const style = a && getComputedStyle(a);
  return style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
    ? []
    : [`the focused ${a?.tagName.toLowerCase()} "${a?.textContent?.trim()}" shows no focus ring (outline ${style?.outlineStyle} ${style?.outlineWidth})`];
}

/** Fails with every violation once, and the states it showed in. */
export function report(found: Found): void {
  if (found.size) throw new Error([...found].map(([block, states]) => `In: ${states.join(', ')}\n${block}`).join('\n\n'));
}
