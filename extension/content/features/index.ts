import type { Feature } from '../feature';
import { documentCheck } from './document-check';
import { fieldTips } from './field-tips';
import { guard } from './guard';

/**
 * Every overlay feature, one per file in this folder, in the order the manager starts them.
 * Add a feature with one import and one entry; the conventions test checks that every file
 * here is listed and has a fixture.
 */
export const FEATURES: readonly Feature[] = [fieldTips, documentCheck, guard];
