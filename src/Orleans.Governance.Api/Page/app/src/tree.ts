// The jurisdiction as a tree from the user's own unit down to the villages (grids are not listed),
// each row with its whole subtree's figures; a click on a unit loads its children.
import { Api, unitPath } from './api';
import { element } from './dom';
import { count, decimal } from './format';
import { levelName, t, type Lang, type TextKey } from './i18n';
import type { ChildFigures, Figures, Level, Me } from './model';

interface TreeNode {
  unitId: string;
  name: string;
  level: Level;
  figures: Figures;
}

/** The columns after the unit's name, in order: the figure each shows and how. */
const columns: readonly { field: keyof Figures & TextKey; show: (lang: Lang, f: Figures) => string; alarming?: (f: Figures) => boolean }[] = [
  { field: 'open', show: (lang, f) => count(lang, f.open) },
  { field: 'admitted', show: (lang, f) => count(lang, f.admitted) },
  { field: 'resolvedHere', show: (lang, f) => count(lang, f.resolvedHere) },
  { field: 'escalatedOut', show: (lang, f) => count(lang, f.escalatedOut) },
  { field: 'overdue', show: (lang, f) => count(lang, f.overdue), alarming: (f) => f.overdue > 0 },
  { field: 'unsignedWarnings', show: (lang, f) => count(lang, f.unsignedWarnings), alarming: (f) => f.unsignedWarnings > 0 },
  { field: 'meanSatisfaction', show: (_, f) => decimal(f.meanSatisfaction) },
  // The API's mean is 0 before the first case is closed: no mean yet, not a mean of 0 days.
  { field: 'meanDaysToClose', show: (_, f) => decimal(f.closedHere === 0 ? null : f.meanDaysToClose) },
];

/** Villages' children are grids, which the tree leaves out: villages are its leaves. */
function canOpen(level: Level): boolean {
  return level === 'township' || level === 'county' || level === 'city';
}

export class JurisdictionTree {
  private root: TreeNode | undefined;
  private readonly children = new Map<string, TreeNode[]>();
  private readonly opened = new Set<string>();

  constructor(
    private readonly api: Api,
    private readonly me: Me,
    private readonly head: HTMLTableSectionElement,
    private readonly body: HTMLTableSectionElement,
    private readonly lang: () => Lang,
    onError: (error: unknown) => void,
    private readonly signal: AbortSignal,
  ) {
    if (canOpen(me.level)) {
      this.opened.add(me.unitId);
    }

    body.addEventListener('click', (event) => {
      const unitId = (event.target as Element).closest('button.toggle')?.closest('tr')?.dataset['unit'];
      if (unitId !== undefined) {
        this.toggle(unitId).catch(onError);
      }
    }, { signal });
  }

  /** Reloads the user's unit and the children of every opened unit. */
  async refresh(): Promise<void> {
    const opened = [...this.opened];
    const [figures, ...lists] = await Promise.all([
      this.api.get<Figures>(unitPath(this.me.unitId, '/figures/subtree')),
      ...opened.map((unitId) => this.loadChildren(unitId)),
    ]);
    this.root = { unitId: this.me.unitId, name: this.me.unitName, level: this.me.level, figures };
    // A unit opened while this round was loading keeps the children its click loaded.
    opened.forEach((unitId, i) => this.children.set(unitId, lists[i]!));
    for (const unitId of this.children.keys()) {
      if (!this.opened.has(unitId)) {
        this.children.delete(unitId);
      }
    }

    this.render();
  }

  /** Opens a closed unit (loading its children) or closes an open one with everything below it. */
  async toggle(unitId: string): Promise<void> {
    if (this.opened.has(unitId)) {
      this.close(unitId);
    } else {
      this.children.set(unitId, await this.loadChildren(unitId));
      this.opened.add(unitId);
    }

    this.render();
  }

  render(): void {
    if (this.signal.aborted) {
      return; // signed out while loading: the next user's page must not get these rows
    }

    const lang = this.lang();
    this.head.replaceChildren(element('tr', {},
      element('th', { text: t(lang, 'unit'), className: 'unit' }),
      ...columns.map((c) => element('th', { text: t(lang, c.field), data: { field: c.field } }))));
    const rows: HTMLTableRowElement[] = [];
    const visit = (node: TreeNode, depth: number): void => {
      rows.push(this.row(node, depth, lang));
      if (this.opened.has(node.unitId)) {
        for (const child of this.children.get(node.unitId) ?? []) {
          visit(child, depth + 1);
        }
      }
    };
    if (this.root !== undefined) {
      visit(this.root, 0);
    }

    // Keep the keyboard where it was: the rows are rebuilt on every refresh.
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && this.body.contains(active) ? active.closest('tr')?.dataset['unit'] : undefined;
    this.body.replaceChildren(...rows);
    if (focused !== undefined) {
      this.body.querySelector<HTMLButtonElement>(`tr[data-unit="${CSS.escape(focused)}"] button`)?.focus();
    }
  }

  private row(node: TreeNode, depth: number, lang: Lang): HTMLTableRowElement {
    const name = element('span', { className: 'name', text: node.name });
    const level = element('span', { className: 'level', text: levelName(lang, node.level) });
    let label: HTMLElement;
    if (canOpen(node.level)) {
      const open = this.opened.has(node.unitId);
      label = element('button', { className: 'toggle' }, element('span', { className: 'caret', text: open ? '▾' : '▸' }), name, level);
      label.setAttribute('aria-expanded', String(open));
      label.title = t(lang, open ? 'collapse' : 'expand', { unit: node.name });
    } else {
      label = element('span', { className: 'leaf' }, name, level);
    }

    const unitCell = element('th', { className: 'unit' }, label);
    unitCell.scope = 'row';
    unitCell.style.setProperty('--depth', String(depth));
    return element('tr', { data: { unit: node.unitId, level: node.level } }, unitCell,
      ...columns.map((c) => element('td', { text: c.show(lang, node.figures), className: c.alarming?.(node.figures) ? 'alarm' : undefined, data: { field: c.field } })));
  }

  private async loadChildren(unitId: string): Promise<TreeNode[]> {
    const children = await this.api.get<ChildFigures[]>(unitPath(unitId, '/figures/children'));
    return children.filter((c) => c.level !== 'grid').map((c) => ({ unitId: c.unitId, name: c.name, level: c.level, figures: c.figures }));
  }

  private close(unitId: string): void {
    this.opened.delete(unitId);
    for (const child of this.children.get(unitId) ?? []) {
      if (this.opened.has(child.unitId)) {
        this.close(child.unitId);
      }
    }
  }
}
