using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Dialects;

namespace WidgetIdentity.Vendors;

/// <summary>The vendors a <c>Vendor</c> setting may name: the built-in ones and those the app registered with <c>AddWidgetVendor</c>.</summary>
internal sealed class VendorRegistry
{
    private readonly Dictionary<string, VendorDialect> _custom = new(StringComparer.OrdinalIgnoreCase);

    public VendorRegistry(IEnumerable<WidgetVendorRegistration> registrations, IServiceProvider services)
    {
        foreach (var registration in registrations)
        {
            var vendor = (WidgetVendor)services.GetRequiredService(registration.VendorType);
            _custom[registration.Name] = new CustomVendorDialect(registration.Name, vendor);
        }
    }

    /// <summary>Only the built-in vendors, for code that runs without dependency injection.</summary>
    public static VendorRegistry BuiltIn { get; } = new([], EmptyServices.Instance);

    public VendorDialect? Find(string? name) =>
        VendorDialects.Find(name) ?? (name is not null && _custom.TryGetValue(name.Trim(), out var dialect) ? dialect : null);

    public string SupportedNames =>
        _custom.Count == 0 ? VendorDialects.SupportedNames : $"{VendorDialects.SupportedNames}, or your own: {string.Join(", ", _custom.Keys)}";

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}

/// <summary>A vendor the app registered: the <c>Vendor</c> name it answers to and its type.</summary>
internal sealed record WidgetVendorRegistration(string Name, Type VendorType);
