namespace Orleans.Governance.Domain.Cases;

/// <summary>Where a case came in (登记渠道).</summary>
public enum IntakeChannel
{
    /// <summary>网格员巡查.</summary>
    GridPatrol,

    /// <summary>窗口来访.</summary>
    WalkIn,

    /// <summary>12345 热线.</summary>
    Hotline12345,

    /// <summary>网上平台 / 解纷码.</summary>
    OnlinePlatform,

    /// <summary>流动办公桌.</summary>
    MobileDesk,

    /// <summary>公安移送.</summary>
    PoliceReferral,

    /// <summary>法院移送.</summary>
    CourtReferral,

    /// <summary>信访移送.</summary>
    PetitionReferral,
}
