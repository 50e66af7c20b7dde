// The leaders' page: sign in with a bearer token, then the jurisdiction, the level shares and
// their trend, the overdue cases and the early warnings, refreshed by polling without a reload.
import { Api, ApiError, forgetToken, storedToken, storeToken, takeTokenFromFragment, Unauthenticated, unitPath } from './api';
import { LevelSharesChart, ResolutionTrendChart } from './charts';
import { byId } from './dom';
import { clockTime, type Grain } from './format';
import { levelName, locale, roleName, storedLang, storeLang, t, type Lang, type TextKey } from './i18n';
import { supervisionList, warningList } from './lists';
import type { EarlyWarning, Figures, Me, Supervision, Trend } from './model';
import { JurisdictionTree } from './tree';

/** Seconds between refreshes: 10, or `?refresh=N` (tests use a shorter period). */
const refreshSeconds = ((): number => {
  const asked = Number(new URLSearchParams(location.search).get('refresh') ?? Number.NaN);
  return Number.isFinite(asked) && asked > 0 ? asked : 10;
})();

let lang: Lang = storedLang();
let board: Board | undefined;

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) {
      return t(lang, 'forbidden');
    }

    return error.problem.detail !== undefined
      ? t(lang, 'problem', { title: error.problem.title ?? String(error.status), detail: error.problem.detail })
      : t(lang, 'unavailable', { status: error.status });
  }

  return t(lang, 'unavailable', { status: error instanceof Error ? error.message : String(error) });
}

/** What a signed-in user sees; one per sign-in, stopped (timers, listeners, charts) at sign-out. */
class Board {
  private readonly lifetime = new AbortController();
  private readonly tree: JurisdictionTree;
  private readonly shares = new LevelSharesChart(byId('shares-chart'));
  private readonly trendChart = new ResolutionTrendChart(byId('trend-chart'));
  private timer: number | undefined;
  private rounds = 0;
  private updatedAt: Date | undefined;
  private grain: Grain = 'week';
  private levels: Figures[] | undefined;
  private trend: Trend | undefined;
  private supervision: Supervision | undefined;
  private warnings: EarlyWarning[] | undefined;

  constructor(private readonly api: Api, private readonly me: Me) {
    const signal = this.lifetime.signal;
    this.tree = new JurisdictionTree(api, me, byId('tree-head'), byId('tree-body'), () => lang, (error) => this.fail(error, 'tree-problem'), signal);
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-grain]')) {
      button.addEventListener('click', () => {
        this.grain = button.dataset['grain'] === 'day' ? 'day' : 'week';
        this.render();
      }, { signal });
    }
  }

  start(): void {
    void this.tick();
  }

  stop(): void {
    this.lifetime.abort();
    window.clearTimeout(this.timer);
    this.shares.dispose();
    this.trendChart.dispose();
    // Nothing of this user stays in the page for whoever signs in next.
    for (const id of ['tree-head', 'tree-body', 'supervision-list', 'warning-list']) {
      byId(id).replaceChildren();
    }

    for (const problem of document.querySelectorAll<HTMLElement>('#board .problem')) {
      problem.hidden = true;
    }

    byId('supervision-summary').textContent = '';
    const updated = byId('updated');
    delete updated.dataset['round'];
    delete updated.dataset['at'];
  }

  /** Draws everything again from the data already loaded (after a language or period switch). */
  render(): void {
    byId('who').textContent = `${this.me.unitName} · ${levelName(lang, this.me.level)} · ${roleName(lang, this.me.role)}`;
    this.tree.render();
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-grain]')) {
      button.setAttribute('aria-pressed', String(button.dataset['grain'] === this.grain));
    }

    if (this.levels !== undefined) {
      this.shares.show(lang, this.levels);
    }

    if (this.trend !== undefined) {
      this.trendChart.show(lang, this.trend.days, this.grain);
    }

    if (this.supervision !== undefined) {
      const list = supervisionList(lang, this.supervision);
      byId('supervision-summary').textContent = list.summary;
      byId('supervision-list').replaceChildren(list.content);
    }

    if (this.warnings !== undefined) {
      byId('warning-list').replaceChildren(warningList(lang, this.warnings));
    }

    const updated = byId('updated');
    updated.textContent = this.updatedAt === undefined ? t(lang, 'notUpdated') : t(lang, 'updatedAt', { time: clockTime(lang, this.updatedAt) });
  }

  private async tick(): Promise<void> {
    try {
      await this.refresh();
    } catch (error) {
      this.fail(error);
      return;
    }

    if (!this.lifetime.signal.aborted) {
      this.timer = window.setTimeout(() => void this.tick(), refreshSeconds * 1000);
    }
  }

  /** One round: every panel reloads at once; a panel that fails shows why and keeps its last data. */
  private async refresh(): Promise<void> {
    const unit = (rest: string): string => unitPath(this.me.unitId, rest);
    await Promise.all([
      this.load('tree-problem', () => this.tree.refresh()),
      this.load('shares-problem', async () => { this.levels = await this.api.get<Figures[]>(unit('/figures/levels')); }),
      this.load('trend-problem', async () => { this.trend = await this.api.get<Trend>(unit('/figures/trend')); }),
      this.load('supervision-problem', async () => { this.supervision = await this.api.get<Supervision>(unit('/supervision?limit=100')); }),
      this.load('warning-problem', async () => { this.warnings = await this.api.get<EarlyWarning[]>(unit('/warnings')); }),
    ]);
    if (this.lifetime.signal.aborted) {
      return;
    }

    this.updatedAt = new Date();
    this.rounds += 1;
    const updated = byId('updated');
    updated.dataset['round'] = String(this.rounds);
    updated.dataset['at'] = this.updatedAt.toISOString();
    this.render();
  }

  private async load(problemId: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
      byId(problemId).hidden = true;
    } catch (error) {
      if (error instanceof Unauthenticated) {
        throw error;
      }

      this.fail(error, problemId);
    }
  }

  /** A refused token ends the session; any other failure is shown where it happened, or logged when it is a fault of the page. */
  private fail(error: unknown, problemId?: string): void {
    if (this.lifetime.signal.aborted) {
      return; // signed out meanwhile
    }

    if (error instanceof Unauthenticated) {
      showSignIn(error.detail);
    } else if (problemId !== undefined) {
      const problem = byId(problemId);
      problem.textContent = describe(error);
      problem.hidden = false;
    } else {
      console.error(error);
    }
  }
}

function applyLanguage(): void {
  document.documentElement.lang = locale(lang);
  document.title = t(lang, 'title');
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
    node.textContent = t(lang, node.dataset['text'] as TextKey);
  }

  byId('language').textContent = t(lang, 'switchLanguage');
  board?.render();
}

/** Back to the sign-in form, the token forgotten; `problem` says why when the API refused it. */
function showSignIn(problem?: string): void {
  board?.stop();
  board = undefined;
  forgetToken();
  byId('board').hidden = true;
  byId('who').hidden = true;
  byId('updated').hidden = true;
  byId('sign-out').hidden = true;
  byId('sign-in').hidden = false;
  const message = byId('sign-in-problem');
  message.textContent = problem ?? '';
  message.hidden = problem === undefined;
  byId<HTMLTextAreaElement>('token').value = '';
}

async function signIn(token: string): Promise<void> {
  storeToken(token);
  const api = new Api(token);
  let me: Me;
  try {
    me = await api.get<Me>('/me');
  } catch (error) {
    showSignIn(error instanceof Unauthenticated ? error.detail : describe(error));
    return;
  }

  byId('sign-in').hidden = true;
  byId('board').hidden = false;
  byId('who').hidden = false;
  byId('updated').hidden = false;
  byId('sign-out').hidden = false;
  board = new Board(api, me);
  board.render();
  board.start();
}

function main(): void {
  applyLanguage();
  byId('language').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    storeLang(lang);
    applyLanguage();
  });
  byId('sign-out').addEventListener('click', () => showSignIn(t(lang, 'signedOut')));
  byId<HTMLFormElement>('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = byId<HTMLTextAreaElement>('token').value.trim();
    if (token !== '') {
      void signIn(token);
    }
  });

  const token = takeTokenFromFragment() ?? storedToken();
  if (token === null) {
    showSignIn();
  } else {
    void signIn(token);
  }
}

main();
