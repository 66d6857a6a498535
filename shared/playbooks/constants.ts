/**
 * The playbooks' closed lists, free of zod so that bundles which need only the values (the
 * content script, the worker's API schemas) do not load the playbook schema. schema.ts builds
 * its enums from these and re-exports them.
 */

export const PROVIDER_IDS = [
  'tencentcloud-intl',
  'commsease',
  'alibabacloud-intl',
  'huaweicloud-intl',
  'tencentcloud-cn',
  'baidu-cloud',
  'volcengine',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const ENTITY_TYPES = ['individual', 'enterprise'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * Document-number formats the on-device validator knows (domain-facts section 4). A document
 * whose number has no known format (a driver's license, say) has no `format`.
 */
export const DOCUMENT_FORMATS = [
  'prc_resident_id',
  'uscc',
  'hk_macao_residents_permit',
  'taiwan_residents_permit',
  'exit_entry_permit',
  'prc_passport',
  'passport',
  'bank_card',
] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** What an account of a verification type can or cannot do (decision-helper inputs map here). */
export const CAPABILITIES = [
  'personal_projects',
  'enterprise_operations',
  'special_vat_invoice',
  'vat_electronic_invoice',
  'paper_special_invoice',
  'contracts_in_company_name',
  'sms_trial',
  'sms_packs',
  'mainland_purchases',
  'credit_limit',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const FLOW_KINDS = ['individual', 'enterprise', 'change', 'update', 'upgrade'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];
