// The API's answers as the page reads them (camelCase JSON, enums as camelCase strings; see docs/api.md).

export const levels = ['grid', 'village', 'township', 'county', 'city'] as const;
export type Level = (typeof levels)[number];

export const caseTypes = [
  'labour', 'neighbour', 'marriageFamily', 'elderSupport', 'propertyManagement', 'housingHomestead', 'landContract',
  'trafficAccident', 'investmentPartnership', 'constructionPayment', 'workInjury', 'agriculturalSupplies', 'legal',
] as const;
export type CaseType = (typeof caseTypes)[number];

export const roles = ['gridWorker', 'mediator', 'centreStaff', 'centreLeader', 'cityAdministrator', 'auditor', 'public'] as const;
export type Role = (typeof roles)[number];

/** GET /me: who the verified token says the caller is. */
export interface Me {
  actor: string;
  role: Role;
  unitId: string;
  unitName: string;
  level: Level;
}

/** A unit's figures, or a subtree's summed (FiguresView). */
export interface Figures {
  unitId: string;
  level: Level;
  units: number;
  open: number;
  admitted: number;
  resolvedHere: number;
  escalatedOut: number;
  referredOut: number;
  closedHere: number;
  unsignedWarnings: number;
  overdue: number;
  meanSatisfaction: number | null;
  meanDaysToClose: number;
  p95DaysToClose: number;
}

/** GET /units/{id}/figures/children: each child with its subtree's figures. */
export interface ChildFigures {
  unitId: string;
  name: string;
  level: Level;
  figures: Figures;
}

/** One China Standard Time day of GET /units/{id}/figures/trend. */
export interface TrendDay {
  date: string;
  arrivals: number;
  resolvedByLevel: Partial<Record<Level, number>>;
}

export interface Trend {
  days: TrendDay[];
}

/** An overdue case under supervision (督办): no personal data. */
export interface SupervisedCase {
  caseNumber: string;
  type: CaseType;
  unitId: string;
  unitName: string;
  level: Level;
  closeBy: string;
  daysOverdue: number;
}

export interface Supervision {
  total: number;
  items: SupervisedCase[];
}

/** An early warning (研判预警): more arrivals of a type at a unit than its own baseline expects. */
export interface EarlyWarning {
  unitId: string;
  unitName: string;
  level: Level;
  type: CaseType;
  windowFrom: string;
  windowTo: string;
  observed: number;
  expected: number;
  pValue: number;
  since: string;
}

/** An RFC 9457 problem as the API answers a refusal. */
export interface Problem {
  status?: number;
  title?: string;
  detail?: string;
}
