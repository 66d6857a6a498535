import type { validateDocumentNumber } from '../../../shared/validators/document-numbers';
import type { DriftDiagnostic, LocaleSetting } from '../../storage';
import type { PanelProps } from '../overlay/panel';
import type { WarningsProps } from './document-warnings';
import type { TipProps } from './field-tip';
import type { GuardDialogProps } from './guard-dialog';

/**
 * What the on-demand UI chunk offers the content script. Each `render*` draws into a mount the
 * content script owns (null clears it) with the chunk's own Preact, so no tree mixes the two
 * copies' vnodes.
 */
export interface OverlayUi {
  renderPanel(mount: HTMLElement, props: PanelProps | null): void;
  renderTip(mount: HTMLElement, props: TipProps | null): void;
  renderWarnings(mount: HTMLElement, props: WarningsProps | null): void;
  renderGuard(mount: HTMLElement, props: GuardDialogProps | null): void;
  /** The shared document-number validators (checked on this device only). */
  checkDocumentNumber: typeof validateDocumentNumber;
  /** Saves the overlay's language (WXT's storage wrapper lives in the chunk only). */
  setLocale(value: LocaleSetting): Promise<void>;
  /** Keeps a "page changed" diagnostic (capped list) for the dashboard. */
  recordDrift(diagnostic: DriftDiagnostic): Promise<void>;
}
