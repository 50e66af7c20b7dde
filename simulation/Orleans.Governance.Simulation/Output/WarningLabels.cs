using System.Globalization;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Output;

/// <summary>The words of the reports' early-warning section (预警检出), Simplified Chinese or English; its figures' names are <see cref="Statistics.FigureTable"/>'s.</summary>
public sealed record WarningLabels(
    string Title,
    string Surge,
    string Detected,
    string Delay,
    string DelayTitle,
    string DelayAxis,
    string AllTypes,
    string WholeCity,
    string DaysFormat,
    string Separator,
    IReadOnlyDictionary<CaseType, string> Types)
{
    public static readonly WarningLabels Chinese = new(
        "预警检出（研判预警）", "注入的激增", "检出（次/重复）", "检出延迟（天）", "各次激增的预警延迟（均值与 95% 区间）", "天",
        "全部类型", "全市", "第 {0}–{1} 天", "、",
        new Dictionary<CaseType, string>
        {
            [CaseType.Labour] = "劳动争议", [CaseType.Neighbour] = "邻里纠纷", [CaseType.MarriageFamily] = "婚姻家庭",
            [CaseType.ElderSupport] = "赡养纠纷", [CaseType.PropertyManagement] = "物业纠纷", [CaseType.HousingHomestead] = "房屋宅基",
            [CaseType.LandContract] = "土地承包", [CaseType.TrafficAccident] = "交通事故", [CaseType.InvestmentPartnership] = "投资合伙",
            [CaseType.ConstructionPayment] = "工程款", [CaseType.WorkInjury] = "工伤赔偿", [CaseType.AgriculturalSupplies] = "农资欠款",
            [CaseType.Legal] = "其他法律纠纷",
        });

    public static readonly WarningLabels English = new(
        "Early warning", "injected surge", "detected (of replications)", "delay (days)", "Detection delay per surge (mean and 95 % interval)", "days",
        "all types", "whole city", "days {0}–{1}", ", ",
        Enum.GetValues<CaseType>().ToDictionary(t => t, ScenarioReader.TypeName));

    /// <summary>A surge in one line: its days, its multiplier, its types and its area (unit names from the city).</summary>
    public string Describe(Surge surge, CityDefinition city)
    {
        var days = string.Format(CultureInfo.InvariantCulture, DaysFormat, surge.FromDay.ToString("0.#", CultureInfo.InvariantCulture), surge.ToDay.ToString("0.#", CultureInfo.InvariantCulture));
        var types = surge.Types is null ? AllTypes : string.Join(Separator, surge.Types.Order().Select(t => Types[t]));
        var names = city.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var area = surge.Units is null ? WholeCity : string.Join(Separator, surge.Units.Order(StringComparer.Ordinal).Select(id => names.GetValueOrDefault(id, id)));
        return string.Create(CultureInfo.InvariantCulture, $"{days} ×{surge.Multiplier:0.##} {types} · {area}");
    }
}
