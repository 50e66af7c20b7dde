namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>The levels of the hierarchy, lowest first (属地管理、分级负责).</summary>
public enum Level
{
    /// <summary>网格: one grid worker patrols it.</summary>
    Grid = 0,

    /// <summary>村 / 社区.</summary>
    Village = 1,

    /// <summary>乡镇 / 街道: the main battlefield.</summary>
    Township = 2,

    /// <summary>县 / 区.</summary>
    County = 3,

    /// <summary>市.</summary>
    City = 4,
}
