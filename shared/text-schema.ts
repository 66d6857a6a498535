import { z } from 'zod';
import type { LocalizedText } from './text';

/** Validates a LocalizedText: both languages present and non-empty. */
export const LocalizedTextSchema: z.ZodType<LocalizedText> = z.strictObject({
  en: z.string().min(1),
  zh: z.string().min(1),
});
