import { readFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { ANCHORS } from '../../../extension/content/anchors';
import type { FeatureContext } from '../../../extension/content/feature';
import { overlayUi } from '../../../extension/content/ui';
import { readyUi, type UiLoader } from '../../../extension/content/ui-loader';
import { createRecordStore } from '../../../extension/records/local-record-store';
import type { RecordStore } from '../../../extension/records/record-store';
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

/**
 * A feature's context as the manager builds it: the record store is extension storage over
 * WXT's fake browser unless a test passes another, and the UI chunk is already loaded unless a
 * test passes a loader that makes it wait.
 */
export function makeContext(
  playbook: Playbook,
  page: PageRule,
  locale: Locale = 'en',
  opts: { records?: RecordStore; ui?: UiLoader } = {},
): TestContext {
  const controller = new AbortController();
  const accountId = () => ANCHORS[playbook.id]?.accountId(document) ?? null;
  return {
    controller,
    signal: controller.signal,
    window,
    document,
    playbook,
    page,
    locale,
    // As the manager does: the provider's anchors read the account id off the page now.
    accountId,
    records: opts.records ?? createRecordStore(),
    recordKey: () => ({ provider: playbook.id, externalId: accountId() }),
    ui: opts.ui ?? readyUi(overlayUi),
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
