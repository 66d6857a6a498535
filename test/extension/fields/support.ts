import { readFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { ANCHORS } from '../../../extension/content/anchors';
import type { FeatureContext } from '../../../extension/content/feature';
import type { PageRule, Playbook } from '../../../shared/playbooks/schema';
import type { Locale } from '../../../shared/text';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/**
 * Puts a saved provider page into happy-dom's document. Declarative shadow roots
 * (`<template shadowrootmode>`) are attached by hand, as a browser's parser would; page scripts
 * do not run (tests play the page's late rendering themselves).
 */
export function loadFixture(relPath: string): void {
  loadHtml(readFileSync(path.join(FIXTURES, relPath), 'utf8'));
}

export function loadHtml(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.innerHTML = parsed.documentElement.innerHTML;
  attachDeclarativeShadowRoots(document);
}

function attachDeclarativeShadowRoots(root: Document | ShadowRoot): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host) continue;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const shadow = host.attachShadow({ mode });
    shadow.append(template.content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

export interface TestContext extends FeatureContext {
  controller: AbortController;
  reportDrift: ReturnType<typeof vi.fn<(anchor: string) => void>>;
}

export function makeContext(
  playbook: Playbook,
  page: PageRule,
  locale: Locale = 'en',
): TestContext {
  const controller = new AbortController();
  return {
    controller,
    signal: controller.signal,
    window,
    document,
    playbook,
    page,
    locale,
    // As the manager does: the provider's anchors read the account id off the page now.
    accountId: () => ANCHORS[playbook.id]?.accountId(document) ?? null,
    reportDrift: vi.fn<(anchor: string) => void>(),
  };
}

/** Our overlay's shadow content for one host, for assertions. */
export const shadowOf = (hostName: string): ShadowRoot | null =>
  document.querySelector(hostName)?.shadowRoot ?? null;

/** Gives a field a layout box: happy-dom lays nothing out, the tips' placement needs one. */
export function setRect(
  el: Element,
  rect: { left: number; top: number; width: number; height: number },
): void {
  el.getBoundingClientRect = () =>
    ({
      ...rect,
      x: rect.left,
      y: rect.top,
      right: rect.left + rect.width,
      bottom: rect.top + rect.height,
      toJSON: () => rect,
    }) as DOMRect;
}
