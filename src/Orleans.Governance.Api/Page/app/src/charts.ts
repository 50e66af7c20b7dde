// The two charts, drawn by Apache ECharts (only the parts used are bundled). The SVG renderer
// keeps the labels as text in the page, and sets styles through the CSSOM, which the page's
// Content-Security-Policy (no inline styles) allows. Tooltips are formatted here as plain text
// lines: ECharts' default tooltip markup carries inline style attributes.
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  type GridComponentOption, type LegendComponentOption, type TitleComponentOption, type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { count, percent, periods, type Grain } from './format';
import { levelName, t, type Lang } from './i18n';
import { levels, type Figures, type Level, type TrendDay } from './model';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

type Option = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption
>;

const fontFamily = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const levelColours: Record<Level, string> = {
  grid: '#2f9e6b',
  village: '#7cc08a',
  township: '#3b7dd8',
  county: '#f0a43a',
  city: '#d9534f',
};

/** The levels the seeds count as resolved at the grass roots (小事不出村，大事不出镇). */
const grassRoots: readonly Level[] = ['grid', 'village', 'township'];

const escape = echarts.format.encodeHTML;

function lines(...texts: string[]): string {
  return texts.map(escape).join('<br>');
}

abstract class Chart {
  protected readonly chart: echarts.ECharts;
  private readonly resizes: ResizeObserver;

  constructor(container: HTMLElement) {
    this.chart = echarts.init(container, null, { renderer: 'svg' });
    this.resizes = new ResizeObserver(() => this.chart.resize());
    this.resizes.observe(container);
  }

  dispose(): void {
    this.resizes.disconnect();
    this.chart.dispose();
  }

  protected draw(option: Option): void {
    this.chart.setOption({ textStyle: { fontFamily }, animation: false, ...option }, { notMerge: true });
  }
}

/** The current shares: cases resolved at each level of the subtree, as a ring, with the grass roots' share in its middle. */
export class LevelSharesChart extends Chart {
  show(lang: Lang, figures: readonly Figures[]): void {
    const resolved = new Map(figures.map((f) => [f.level, f.resolvedHere]));
    const total = [...resolved.values()].reduce((a, b) => a + b, 0);
    const atGrassRoots = grassRoots.reduce((sum, level) => sum + (resolved.get(level) ?? 0), 0);
    const present = levels.filter((level) => resolved.has(level));
    this.draw({
      title: {
        text: total === 0 ? '—' : percent(lang, atGrassRoots / total),
        subtext: t(lang, total === 0 ? 'noneResolved' : 'sharesCentre'),
        left: 'center',
        top: '36%',
        textStyle: { fontSize: 22, fontWeight: 'bold' },
        subtextStyle: { fontSize: 12 },
      },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const item = p as { name: string; value: number; percent: number };
          return lines(item.name, `${t(lang, 'resolvedCases', { count: count(lang, item.value) })} · ${percent(lang, item.percent / 100)}`);
        },
      },
      legend: { bottom: 0, data: present.map((level) => levelName(lang, level)) },
      series: [{
        type: 'pie',
        radius: ['48%', '72%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        stillShowZeroSum: false,
        label: { formatter: (p) => percent(lang, (p.percent ?? 0) / 100) },
        data: present.map((level) => {
          const value = resolved.get(level) ?? 0;
          return { name: levelName(lang, level), value, itemStyle: { color: levelColours[level] }, label: { show: value > 0 }, labelLine: { show: value > 0 } };
        }),
      }],
    });
  }
}

/** The trend: per day or week, each level's share of the cases resolved (stacked to 100 %), and the new cases as a line. */
export class ResolutionTrendChart extends Chart {
  show(lang: Lang, days: readonly TrendDay[], grain: Grain): void {
    const rows = periods(days, grain);
    const totals = rows.map((row) => levels.reduce((sum, level) => sum + row.resolved[level], 0));
    const label = (start: string): string => (grain === 'week' ? t(lang, 'weekOf', { date: start.slice(5) }) : start.slice(5));
    this.draw({
      grid: { left: 48, right: 48, top: 40, bottom: 56 },
      legend: { bottom: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const row = rows[index]!;
          const total = totals[index]!;
          return lines(
            label(row.start),
            `${t(lang, 'arrivals')}: ${count(lang, row.arrivals)}`,
            ...levels.filter((level) => row.resolved[level] > 0).map((level) =>
              `${levelName(lang, level)}: ${count(lang, row.resolved[level])} (${percent(lang, row.resolved[level] / total)})`),
          );
        },
      },
      xAxis: { type: 'category', data: rows.map((row) => label(row.start)) },
      yAxis: [
        { type: 'value', name: t(lang, 'share'), min: 0, max: 1, axisLabel: { formatter: (v: number) => percent(lang, v) } },
        { type: 'value', name: t(lang, 'arrivals'), minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        ...levels.map((level): BarSeriesOption => ({
          type: 'bar',
          name: levelName(lang, level),
          stack: 'share',
          itemStyle: { color: levelColours[level] },
          data: rows.map((row, i) => (totals[i] === 0 ? 0 : row.resolved[level] / totals[i]!)),
        })),
        {
          type: 'line',
          name: t(lang, 'arrivals'),
          yAxisIndex: 1,
          itemStyle: { color: '#5b6470' },
          data: rows.map((row) => row.arrivals),
        },
      ],
    });
  }
}
