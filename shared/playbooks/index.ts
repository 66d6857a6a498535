import { alibabacloudIntl } from './alibabacloud-intl';
import { baiduCloud } from './baidu-cloud';
import { commsease } from './commsease';
import { huaweicloudIntl } from './huaweicloud-intl';
import type { Flow, Playbook, ProviderId } from './schema';
import { tencentcloudCn } from './tencentcloud-cn';
import { tencentcloudIntl } from './tencentcloud-intl';
import { volcengine } from './volcengine';

/**
 * Every provider's playbook, by provider id. The data is checked against `PlaybookSchema` by the
 * tests (test/shared/playbooks), not at import, so the content script pays nothing for it; a
 * bundle that needs only one or two providers imports their files directly.
 */
export const PLAYBOOKS: Readonly<Record<ProviderId, Playbook>> = Object.freeze({
  'tencentcloud-intl': tencentcloudIntl,
  commsease,
  'alibabacloud-intl': alibabacloudIntl,
  'huaweicloud-intl': huaweicloudIntl,
  'tencentcloud-cn': tencentcloudCn,
  'baidu-cloud': baiduCloud,
  volcengine,
});

export function getPlaybook(id: ProviderId): Playbook {
  return PLAYBOOKS[id];
}

/** The flow with this id, or undefined (a saved flow id may name a flow a release removed). */
export function findFlow(playbook: Playbook, flowId: string): Flow | undefined {
  return playbook.flows.find((f) => f.id === flowId);
}

export {
  alibabacloudIntl,
  baiduCloud,
  commsease,
  huaweicloudIntl,
  tencentcloudCn,
  tencentcloudIntl,
  volcengine,
};
