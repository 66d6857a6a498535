import type { LocalizedText } from '../text';

/** Shorthand for the playbooks' many bilingual strings: English first, Simplified Chinese second. */
export const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The date every source below was last checked against the provider's own page. */
export const REVIEWED_ON = '2026-11-21';
