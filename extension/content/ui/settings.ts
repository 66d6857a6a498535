import type { LocaleSetting } from '../../storage';
import {
  DIAGNOSTICS_CAP,
  type DriftDiagnostic,
  driftDiagnostics,
  localeSetting,
} from '../../storage';

/** Appends a diagnostic to a capped list (the oldest go first). */
export const appendDiagnostic = (
  list: readonly DriftDiagnostic[],
  item: DriftDiagnostic,
): DriftDiagnostic[] => [...list, item].slice(-DIAGNOSTICS_CAP);

/** Saves the overlay's language (the content script reads it through locale-setting.ts). */
export const setLocale = (value: LocaleSetting): Promise<void> => localeSetting.setValue(value);

/** Keeps a "page changed" diagnostic for the dashboard. */
export async function recordDrift(diagnostic: DriftDiagnostic): Promise<void> {
  await driftDiagnostics.setValue(appendDiagnostic(await driftDiagnostics.getValue(), diagnostic));
}
