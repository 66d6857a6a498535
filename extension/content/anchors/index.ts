import type { ProviderId } from '../../../shared/playbooks/schema';
import { commseaseAnchors } from './commsease';
import { tencentcloudIntlAnchors } from './tencentcloud-intl';
import type { ProviderAnchors } from './types';

/** Anchors of the providers the content script runs on. */
export const ANCHORS: Partial<Record<ProviderId, ProviderAnchors>> = {
  'tencentcloud-intl': tencentcloudIntlAnchors,
  commsease: commseaseAnchors,
};
