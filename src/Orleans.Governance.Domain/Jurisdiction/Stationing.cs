namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>How a department is present in a centre (常驻、轮驻、随叫随驻).</summary>
public enum Stationing
{
    /// <summary>常驻: always present.</summary>
    Resident,

    /// <summary>轮驻: present on a rota.</summary>
    Rotating,

    /// <summary>随叫随驻: comes when called.</summary>
    OnCall,
}
