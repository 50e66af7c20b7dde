using System.Collections.Frozen;
using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Open311;

/// <summary>Our case types as Open311 services: the code is the enum's camelCase name, names and groups in Simplified Chinese.</summary>
public static class Open311Services
{
    private const string Labour = "劳动与工程";
    private const string Family = "婚姻家庭与邻里";
    private const string Property = "房产土地与物业";
    private const string Economic = "经济与其他";

    public static IReadOnlyList<Open311Service> All { get; } =
    [
        Service(CaseType.Labour, "劳动争议", "劳动合同、劳动报酬、拖欠工资等劳动争议。", "欠薪, 工资, 劳动合同, 辞退", Labour),
        Service(CaseType.WorkInjury, "工伤赔偿", "工伤认定后的赔偿、医疗费和误工费争议。", "工伤, 赔偿, 医疗费", Labour),
        Service(CaseType.ConstructionPayment, "工程款纠纷", "拖欠工程款、农民工工资等建设工程纠纷。", "工程款, 包工头, 农民工工资", Labour),
        Service(CaseType.Neighbour, "邻里纠纷", "相邻关系、噪音、排水、通行等邻里之间的纠纷。", "邻居, 噪音, 漏水, 通行", Family),
        Service(CaseType.MarriageFamily, "婚姻家庭纠纷", "夫妻、子女抚养、家庭财产等婚姻家庭纠纷。", "离婚, 抚养, 家庭", Family),
        Service(CaseType.ElderSupport, "赡养纠纷", "子女对老人赡养义务的纠纷。", "赡养, 老人, 赡养费", Family),
        Service(CaseType.PropertyManagement, "物业纠纷", "物业服务、物业费、公共设施维修等纠纷。", "物业, 物业费, 小区", Property),
        Service(CaseType.HousingHomestead, "房屋宅基地纠纷", "房屋买卖租赁、宅基地使用和边界纠纷。", "宅基地, 房屋, 租赁", Property),
        Service(CaseType.LandContract, "土地承包纠纷", "农村土地承包经营、流转纠纷。", "土地, 承包, 流转", Property),
        Service(CaseType.TrafficAccident, "交通事故纠纷", "交通事故损害赔偿纠纷。", "交通事故, 车祸, 赔偿", Economic),
        Service(CaseType.InvestmentPartnership, "投资合伙纠纷", "合伙经营、投资入股的分配和退伙纠纷。", "合伙, 投资, 分红", Economic),
        Service(CaseType.AgriculturalSupplies, "农资欠款纠纷", "种子、化肥、农药等农资买卖欠款纠纷。", "农资, 化肥, 欠款", Economic),
        Service(CaseType.Legal, "其他法律纠纷", "以上类别之外的其他民事法律纠纷。", "法律, 合同, 借款", Economic),
    ];

    private static readonly FrozenDictionary<string, CaseType> s_byCode =
        Enum.GetValues<CaseType>().ToFrozenDictionary(Code, t => t, StringComparer.Ordinal);

    private static readonly FrozenDictionary<CaseType, Open311Service> s_byType =
        All.ToFrozenDictionary(s => s_byCode[s.ServiceCode]);

    /// <summary>The service code of a case type: its camelCase enum name.</summary>
    public static string Code(CaseType type)
    {
        var name = type.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse(string? code, out CaseType type) => s_byCode.TryGetValue(code ?? "", out type);

    public static Open311Service Of(CaseType type) => s_byType[type];

    private static Open311Service Service(CaseType type, string name, string description, string keywords, string group) =>
        new(Code(type), name, description, Metadata: false, Type: "realtime", keywords, group);
}
