// The two lists: overdue and supervised cases (督办), and the early warnings. Neither carries personal data.
import { element } from './dom';
import { chinaDate, count, decimal } from './format';
import { caseTypeName, levelName, t, type Lang, type TextKey } from './i18n';
import type { EarlyWarning, Supervision } from './model';

function table(lang: Lang, headers: readonly TextKey[], rows: HTMLTableRowElement[], empty: TextKey): HTMLElement {
  if (rows.length === 0) {
    return element('p', { className: 'empty', text: t(lang, empty) });
  }

  return element('table', {},
    element('thead', {}, element('tr', {}, ...headers.map((h) => element('th', { text: t(lang, h), data: { field: h } })))),
    element('tbody', {}, ...rows));
}

function unitCell(lang: Lang, unitName: string, level: EarlyWarning['level']): HTMLTableCellElement {
  return element('td', { data: { field: 'unit' } },
    element('span', { className: 'name', text: unitName }), element('span', { className: 'level', text: levelName(lang, level) }));
}

export function supervisionList(lang: Lang, supervision: Supervision): { summary: string; content: HTMLElement } {
  const rows = supervision.items.map((item) => element('tr', { data: { case: item.caseNumber } },
    element('td', { className: 'number', text: item.caseNumber, data: { field: 'caseNumber' } }),
    element('td', { text: caseTypeName(lang, item.type), data: { field: 'caseType' } }),
    unitCell(lang, item.unitName, item.level),
    element('td', { text: chinaDate(lang, item.closeBy), data: { field: 'closeBy' } }),
    element('td', { className: 'figure', text: decimal(item.daysOverdue), data: { field: 'daysOverdue' } })));
  const summary = supervision.total > supervision.items.length
    ? t(lang, 'supervisionShown', { total: count(lang, supervision.total), shown: count(lang, supervision.items.length) })
    : t(lang, 'supervisionCount', { total: count(lang, supervision.total) });
  return { summary, content: table(lang, ['caseNumber', 'caseType', 'unit', 'closeBy', 'daysOverdue'], rows, 'noSupervision') };
}

export function warningList(lang: Lang, warnings: readonly EarlyWarning[]): HTMLElement {
  const rows = warnings.map((w) => element('tr', { data: { unit: w.unitId, type: w.type } },
    unitCell(lang, w.unitName, w.level),
    element('td', { text: caseTypeName(lang, w.type), data: { field: 'caseType' } }),
    element('td', { text: `${w.windowFrom} – ${w.windowTo}`, data: { field: 'window' } }),
    element('td', { className: 'figure', text: `${count(lang, w.observed)} / ${w.expected.toFixed(1)}`, data: { field: 'observedExpected' } }),
    element('td', { text: w.since, data: { field: 'since' } })));
  return table(lang, ['unit', 'caseType', 'window', 'observedExpected', 'since'], rows, 'noWarnings');
}
