using Microsoft.Extensions.Options;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.Tests.Configuration;

/// <summary>The widgets a page can name, as configured now (a reloaded configuration takes effect without a restart).</summary>
public sealed class WidgetCatalogTests
{
    private const string RootSecret = "TEST-ONLY-root-widget-secret-0123";

    private readonly ChangingOptions _options = new(new WidgetIdentityOptions { Secret = RootSecret, Vendor = "Chatku" });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_widget_name_is_the_root_widget(string? name)
    {
        var widget = new WidgetCatalog(_options).Find(name);

        Assert.NotNull(widget);
        Assert.Null(widget.Name);
        Assert.Equal("Chatku", widget.Dialect.Name);
    }

    [Fact]
    public void A_reloaded_configuration_takes_effect_on_the_next_lookup()
    {
        var catalog = new WidgetCatalog(_options);
        Assert.Null(catalog.Find("support"));

        _options.CurrentValue = new WidgetIdentityOptions { Secret = RootSecret, Widgets = { ["support"] = new() { Vendor = "Crisp" } } };

        Assert.Equal("Crisp", catalog.Find("SUPPORT")?.Dialect.Name);
        Assert.Equal("Ainisa", catalog.Find(null)?.Dialect.Name);
        Assert.Equal([null, "support"], catalog.All().Select(widget => widget.Name));
    }

    [Theory]
    [InlineData(" ", "Chatku", "WidgetIdentity:Secret is not set")]
    [InlineData(RootSecret, "Nope", "WidgetIdentity:Widgets:support:Vendor is not a supported vendor")]
    public void Settings_that_skipped_start_up_validation_fail_naming_the_key_without_the_secret(string secret, string vendor, string failureText)
    {
        _options.CurrentValue = new WidgetIdentityOptions { Secret = secret, Widgets = { ["support"] = new() { Vendor = vendor } } };

        var error = Assert.Throws<InvalidOperationException>(() => new WidgetCatalog(_options).Find("support"));

        Assert.Contains(failureText, error.Message);
        Assert.DoesNotContain(RootSecret, error.Message);
    }

    private sealed class ChangingOptions(WidgetIdentityOptions value) : IOptionsMonitor<WidgetIdentityOptions>
    {
        public WidgetIdentityOptions CurrentValue { get; set; } = value;

        public WidgetIdentityOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<WidgetIdentityOptions, string?> listener) => null;
    }
}
