using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Governance.Grains.Storage;

/// <summary>Builds the <see cref="DirectPersistentState{TState}"/> of each <see cref="DirectStateAttribute"/> parameter.</summary>
public sealed class DirectStateAttributeMapper(IServiceProvider services, IActivatorProvider activators, ILogger<DirectStateAttributeMapper> logger)
    : IAttributeToFactoryMapper<DirectStateAttribute>
{
    private static readonly MethodInfo s_factoryOf = typeof(DirectStateAttributeMapper).GetMethod(nameof(FactoryOf), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, DirectStateAttribute attribute)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new ArgumentException(
                $"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType} has [DirectState] but is a {type}, not an {typeof(IPersistentState<>).Name}.",
                parameter.Name);
        }

        return (Factory<IGrainContext, object>)s_factoryOf.MakeGenericMethod(type.GetGenericArguments())
            .Invoke(this, BindingFlags.DoNotWrapExceptions, binder: null, [attribute], culture: null)!;
    }

    // Resolved once per grain type, not per activation.
    private Factory<IGrainContext, object> FactoryOf<TState>(DirectStateAttribute attribute)
    {
        var storage = services.GetKeyedService<IGrainStorage>(attribute.StorageName)
            ?? throw new BadProviderConfigException($"No grain storage named '{attribute.StorageName}' is registered for state '{attribute.StateName}'.");
        var activator = activators.GetActivator<TState>();
        return context =>
        {
            var state = new DirectPersistentState<TState>(attribute.StateName, context.GrainId, storage, activator.Create(), logger);
            context.ObservableLifecycle.Subscribe(attribute.StateName, GrainLifecycleStage.SetupState, state);
            return state;
        };
    }
}
