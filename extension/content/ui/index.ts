import { validateDocumentNumber } from '../../../shared/validators/document-numbers';
import { renderPanel } from '../overlay/panel';
import type { OverlayUi } from './api';
import { renderWarnings } from './document-warnings';
import { renderTip } from './field-tip';
import { renderGuard } from './guard-dialog';
import { recordDrift, setLocale } from './settings';

/** The UI chunk's API (extension/entrypoints/overlay-ui.ts registers it; tests import it). */
export const overlayUi: OverlayUi = {
  renderPanel,
  renderTip,
  renderWarnings,
  renderGuard,
  checkDocumentNumber: validateDocumentNumber,
  setLocale,
  recordDrift,
};
