/**
 * Localized text. This module stays free of runtime dependencies (no zod) because the content
 * script imports it on every provider page; the schema lives in text-schema.ts.
 */

/** The languages the product speaks: English and Simplified Chinese. */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** A sentence in every language the product speaks; user-facing rule text is always this. */
export interface LocalizedText {
  en: string;
  zh: string;
}

/** Picks the user's language from a localized text. */
export const pick = (text: LocalizedText, locale: Locale): string => text[locale];

/** Maps a browser language tag (`zh-CN`, `en-US`, ...) to a supported locale. */
export const localeFromTag = (tag: string | undefined): Locale =>
  tag?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
