// Every label of the page in Simplified Chinese (the default) and English; the choice is kept in localStorage.
import type { CaseType, Level, Role } from './model';

export type Lang = 'zh' | 'en';

const zh = {
  title: '综治中心工作看板',
  switchLanguage: 'English',
  signOut: '退出',
  signInTitle: '登录',
  signInHint: '请粘贴您的访问令牌（JWT）。令牌只保存在本浏览器标签页中，关闭后即失效。',
  tokenLabel: '访问令牌',
  signIn: '登录',
  signedOut: '您已退出登录。',
  updatedAt: '数据更新于 {time}',
  notUpdated: '尚未更新',
  loading: '加载中…',
  treeTitle: '辖区态势',
  treeHint: '各单位数字含其下辖全部单位；点击单位展开下一级。',
  unit: '单位',
  open: '在办',
  admitted: '受理',
  resolvedHere: '本级化解',
  escalatedOut: '上报',
  overdue: '超期',
  unsignedWarnings: '未签收预警',
  meanSatisfaction: '满意度',
  meanDaysToClose: '平均办结(天)',
  expand: '展开 {unit}',
  collapse: '收起 {unit}',
  sharesTitle: '各级化解占比',
  sharesCentre: '乡镇及以下',
  noneResolved: '尚无化解案件',
  resolvedCases: '化解 {count} 件',
  trendTitle: '化解层级趋势',
  byDay: '按日',
  byWeek: '按周',
  arrivals: '新增案件',
  share: '占比',
  weekOf: '{date} 当周',
  supervisionTitle: '超期督办',
  supervisionCount: '共 {total} 件',
  supervisionShown: '共 {total} 件，显示前 {shown} 件',
  caseNumber: '案件编号',
  caseType: '类型',
  closeBy: '应办结',
  daysOverdue: '超期天数',
  noSupervision: '暂无超期案件。',
  warningsTitle: '研判预警',
  window: '统计窗口',
  observedExpected: '实际 / 预期',
  since: '预警起始',
  noWarnings: '暂无预警。',
  problem: '{title}：{detail}',
  forbidden: '您的角色无权查看此项数据。',
  unavailable: '暂时无法获取数据（{status}）。',
} as const;

export type TextKey = keyof typeof zh;

const en: Record<TextKey, string> = {
  title: 'Governance centre overview',
  switchLanguage: '中文',
  signOut: 'Sign out',
  signInTitle: 'Sign in',
  signInHint: 'Paste your access token (JWT). It is kept only in this browser tab and is gone when the tab closes.',
  tokenLabel: 'Access token',
  signIn: 'Sign in',
  signedOut: 'You have signed out.',
  updatedAt: 'Updated at {time}',
  notUpdated: 'Not updated yet',
  loading: 'Loading…',
  treeTitle: 'Jurisdiction',
  treeHint: "Each unit's figures include every unit below it; click a unit to open the next level.",
  unit: 'Unit',
  open: 'Open',
  admitted: 'Admitted',
  resolvedHere: 'Resolved here',
  escalatedOut: 'Escalated',
  overdue: 'Overdue',
  unsignedWarnings: 'Warned (unsigned)',
  meanSatisfaction: 'Satisfaction',
  meanDaysToClose: 'Mean days to close',
  expand: 'Open {unit}',
  collapse: 'Close {unit}',
  sharesTitle: 'Share resolved at each level',
  sharesCentre: 'township or below',
  noneResolved: 'none resolved yet',
  resolvedCases: '{count} resolved',
  trendTitle: 'Where cases were resolved',
  byDay: 'By day',
  byWeek: 'By week',
  arrivals: 'New cases',
  share: 'Share',
  weekOf: 'Week of {date}',
  supervisionTitle: 'Overdue and supervised',
  supervisionCount: '{total} cases',
  supervisionShown: '{total} cases, the first {shown} shown',
  caseNumber: 'Case number',
  caseType: 'Type',
  closeBy: 'Due',
  daysOverdue: 'Days overdue',
  noSupervision: 'No overdue cases.',
  warningsTitle: 'Early warnings',
  window: 'Window',
  observedExpected: 'Observed / expected',
  since: 'Since',
  noWarnings: 'No warnings.',
  problem: '{title}: {detail}',
  forbidden: 'Your role may not see these figures.',
  unavailable: 'The data could not be fetched ({status}).',
};

const levelNames: Record<Lang, Record<Level, string>> = {
  zh: { grid: '网格', village: '村(社区)', township: '乡镇(街道)', county: '县(区)', city: '市' },
  en: { grid: 'Grid', village: 'Village (community)', township: 'Township (street)', county: 'County (district)', city: 'City' },
};

const caseTypeNames: Record<Lang, Record<CaseType, string>> = {
  zh: {
    labour: '劳动争议', neighbour: '邻里纠纷', marriageFamily: '婚姻家庭', elderSupport: '赡养纠纷', propertyManagement: '物业纠纷',
    housingHomestead: '房屋宅基地', landContract: '土地承包', trafficAccident: '交通事故', investmentPartnership: '合伙投资',
    constructionPayment: '工程款', workInjury: '工伤', agriculturalSupplies: '农资', legal: '涉法涉诉',
  },
  en: {
    labour: 'Labour', neighbour: 'Neighbours', marriageFamily: 'Marriage and family', elderSupport: 'Elder support',
    propertyManagement: 'Property management', housingHomestead: 'Housing and homestead', landContract: 'Land contract',
    trafficAccident: 'Traffic accident', investmentPartnership: 'Investment and partnership', constructionPayment: 'Construction payment',
    workInjury: 'Work injury', agriculturalSupplies: 'Agricultural supplies', legal: 'Law-related',
  },
};

const roleNames: Record<Lang, Record<Role, string>> = {
  zh: { gridWorker: '网格员', mediator: '调解员', centreStaff: '中心工作人员', centreLeader: '中心负责人', cityAdministrator: '市级管理员', auditor: '审计', public: '第三方系统' },
  en: { gridWorker: 'Grid worker', mediator: 'Mediator', centreStaff: 'Centre staff', centreLeader: 'Centre leader', cityAdministrator: 'City administrator', auditor: 'Auditor', public: 'Third-party system' },
};

const storageKey = 'governance.lang';

/** The language chosen earlier in this browser, Chinese unless English was. */
export function storedLang(): Lang {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
}

export function storeLang(lang: Lang): void {
  localStorage.setItem(storageKey, lang);
}

/** The BCP 47 tag for dates, numbers and the document. */
export function locale(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}

/** A label with its {placeholders} filled. */
export function t(lang: Lang, key: TextKey, values: Record<string, string | number> = {}): string {
  const text: string = lang === 'zh' ? zh[key] : en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

// Values the page does not know yet (a newer server) are shown as the API names them.
export function levelName(lang: Lang, level: Level): string {
  return levelNames[lang][level] ?? level;
}

export function caseTypeName(lang: Lang, type: CaseType): string {
  return caseTypeNames[lang][type] ?? type;
}

export function roleName(lang: Lang, role: Role): string {
  return roleNames[lang][role] ?? role;
}
