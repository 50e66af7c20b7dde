namespace Orleans.Governance.Domain.Cases;

/// <summary>Dispute types named by the centres; values are stored, so never renumber.</summary>
public enum CaseType
{
    /// <summary>劳动争议、欠薪: the largest category.</summary>
    Labour = 0,

    /// <summary>邻里纠纷.</summary>
    Neighbour = 1,

    /// <summary>婚姻家庭.</summary>
    MarriageFamily = 2,

    /// <summary>赡养.</summary>
    ElderSupport = 3,

    /// <summary>物业纠纷.</summary>
    PropertyManagement = 4,

    /// <summary>房屋宅基.</summary>
    HousingHomestead = 5,

    /// <summary>土地承包.</summary>
    LandContract = 6,

    /// <summary>交通事故.</summary>
    TrafficAccident = 7,

    /// <summary>投资合伙.</summary>
    InvestmentPartnership = 8,

    /// <summary>工程款.</summary>
    ConstructionPayment = 9,

    /// <summary>工伤赔偿.</summary>
    WorkInjury = 10,

    /// <summary>农资欠款.</summary>
    AgriculturalSupplies = 11,

    /// <summary>其他法律纠纷.</summary>
    Legal = 12,
}
