namespace Orleans.Governance.Tests.Properties;

/// <summary>Who sends a command, relative to the unit holding the case when it is sent.</summary>
public enum ActorRole
{
    /// <summary>The mediator of the unit holding the case (the assigned one, once it is assigned).</summary>
    Mediator,

    /// <summary>A person of the unit who is not its mediator (<c>unit/head</c>).</summary>
    UnitStaff,

    /// <summary>The unit itself.</summary>
    Unit,

    /// <summary>The mediator of the unit below (the other grid at a grid): its id starts with this unit's id.</summary>
    OtherMediator,

    /// <summary>A person of the unit above (below at the city).</summary>
    OtherStaff,
}
