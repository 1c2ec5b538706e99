import type { Localised } from '../i18n/locale.ts';

/**
 * The roles of the platform. Regulators are scoped by a jurisdiction code (city, district or street),
 * enterprise users by their enterprise, the public by nothing (public pages only).
 */
export const ROLES = [
  'city_admin', // 市局管理员
  'city_supervisor', // 市局监管人员
  'district_supervisor', // 区局监管人员
  'inspector', // 执法检查人员 (district or street scope)
  'enterprise_admin', // 企业管理员
  'enterprise_staff', // 企业员工
  'public', // 公众 (anonymous)
] as const;
export type Role = (typeof ROLES)[number];

export const REGULATOR_ROLES: readonly Role[] = ['city_admin', 'city_supervisor', 'district_supervisor', 'inspector'];
export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise_admin', 'enterprise_staff'];

export const ROLE_NAMES: Record<Role, Localised> = {
  city_admin: { 'zh-CN': '市局管理员', 'en-US': 'City administrator' },
  city_supervisor: { 'zh-CN': '市局监管人员', 'en-US': 'City supervisor' },
  district_supervisor: { 'zh-CN': '区局监管人员', 'en-US': 'District supervisor' },
  inspector: { 'zh-CN': '执法检查人员', 'en-US': 'Inspector' },
  enterprise_admin: { 'zh-CN': '企业管理员', 'en-US': 'Enterprise administrator' },
  enterprise_staff: { 'zh-CN': '企业员工', 'en-US': 'Enterprise staff' },
  public: { 'zh-CN': '公众', 'en-US': 'Public' },
};

/** Who is acting: resolved from the session for every request, and passed to every use case. */
export interface Actor {
  userId: string | null;
  username: string;
  role: Role;
  /** The jurisdiction a regulator acts in (`310000`, `310101`, `310101002`); null for enterprise users and the public. */
  jurisdictionCode: string | null;
  /** The enterprise an enterprise user acts for; null otherwise. */
  enterpriseId: string | null;
  /**
   * Set when an enterprise's own system calls with an API key (as `enterprise_staff` of that enterprise,
   * and only on the EPCIS interface); `userId` is then null and `username` is `apikey:<prefix>`.
   */
  apiKeyId?: string;
}

export const PUBLIC_ACTOR: Actor = { userId: null, username: 'public', role: 'public', jurisdictionCode: null, enterpriseId: null };

/** The actor of commands run by an operator on the server (CLI, jobs): the whole city, recorded as `system`. */
export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', role: 'city_admin', jurisdictionCode: '310000', enterpriseId: null };

export const isRegulator = (actor: Actor): boolean => REGULATOR_ROLES.includes(actor.role);
export const isEnterpriseUser = (actor: Actor): boolean => ENTERPRISE_ROLES.includes(actor.role);
