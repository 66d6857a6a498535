import { useEffect, useState } from 'preact/hooks';
import type { Locale, LocalizedText } from '../../shared/text';
import { type LocaleSetting, localeSetting } from '../storage';

const resolve = (setting: LocaleSetting): Locale =>
  setting === 'auto' ? (navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en') : setting;

/** The pages' language: the same setting as the overlay (auto follows the browser). */
export function useLocale(): [Locale, (text: LocalizedText) => string] {
  const [locale, setLocale] = useState<Locale>(resolve('auto'));
  useEffect(() => {
    void localeSetting.getValue().then((s) => setLocale(resolve(s)));
    return localeSetting.watch((s) => setLocale(resolve(s)));
  }, []);
  return [locale, (text) => text[locale]];
}
