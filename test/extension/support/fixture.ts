import { readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** The raw HTML of a provider page fixture, e.g. `fixtureHtml('commsease/status.html')`. */
export const fixtureHtml = (name: string): string =>
  readFileSync(path.join(FIXTURES, name), 'utf8');

interface HappyDomWindow {
  happyDOM?: { setURL(url: string): void };
}

/** Points the test window at `url` (happy-dom keeps one document per test file). */
export function setUrl(url: string): void {
  const w = window as unknown as HappyDomWindow;
  if (!w.happyDOM) throw new Error('setUrl needs the happy-dom environment');
  w.happyDOM.setURL(url);
}

/**
 * Loads a fixture into the test document as the provider's page at `url`: head and body are
 * replaced, page scripts do not run (happy-dom), and declarative shadow roots
 * (`<template shadowrootmode>`) are attached as a browser's parser would.
 */
export function loadFixture(name: string, url?: string): Document {
  if (url) setUrl(url);
  const parsed = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
  document.documentElement.lang = parsed.documentElement.lang;
  document.head.replaceChildren(
    ...[...parsed.head.childNodes].map((n) => document.importNode(n, true)),
  );
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((n) => document.importNode(n, true)),
  );
  document.title = parsed.title;
  attachDeclarativeShadowRoots(document);
  return document;
}

function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({
      mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open',
    });
    shadow.append(template.content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** Inserts a `<template>`'s content where the fixture's own script would (late rendering). */
export function renderTemplate(templateId: string, intoId: string): void {
  const template = document.getElementById(templateId);
  const target = document.getElementById(intoId);
  if (!(template instanceof HTMLTemplateElement) || !target) {
    throw new Error(`fixture has no #${templateId} template or #${intoId} target`);
  }
  target.replaceChildren(template.content.cloneNode(true));
}
